# Reference values for test/stats, computed by R itself (base and stats packages only).
# Regenerate with:  Rscript test/stats/reference/make-reference.R > test/stats/reference/reference.json
# Samples are drawn here with a fixed seed and written out with the values, so the TypeScript
# tests use exactly the same inputs. Every two-sample case has a name; the tests print it.

num <- function(x) {
  if (length(x) == 0) return("[]")
  s <- ifelse(is.na(x), "null", ifelse(is.infinite(x), ifelse(x > 0, "1e999", "-1e999"), sprintf("%.17g", x)))
  if (length(x) == 1) s else paste0("[", paste(s, collapse = ","), "]")
}
vec <- function(x) paste0("[", paste(sprintf("%.17g", x), collapse = ","), "]")
str <- function(s) sprintf('"%s"', s)
obj <- function(...) {
  fields <- list(...)
  paste0("{", paste(sprintf('"%s":%s', names(fields), unlist(fields)), collapse = ","), "}")
}
arr <- function(items) paste0("[\n  ", paste(items, collapse = ",\n  "), "\n]")
grid <- function(g, f) lapply(seq_len(nrow(g)), function(i) f(g[i, ]))

set.seed(20261122)

# Distributions --------------------------------------------------------------------------------
normal_cdf <- lapply(c(-38, -37, -30, -20, -10, -8.5, -7, -6, -5.5, -5, -4, -3.2, -2, -1.5, -1, -0.5, -0.1, 0, 0.3, 0.99, 1.01, 1.5,
                       2.5, 4, 6, 8), function(z) obj(z = num(z), p = num(pnorm(z))))
normal_quantile <- lapply(c(1e-300, 1e-100, 1e-20, 1e-12, 1e-6, 0.001, 0.02, 0.02425, 0.1, 0.3, 0.4999, 0.5, 0.5001, 0.7, 0.975,
                            0.999, 1 - 1e-10), function(p) obj(p = num(p), z = num(qnorm(p))))
t_cdf <- grid(expand.grid(t = c(-1e200, -1e120, -40, -8, -3, -1.2, -0.2, -1e-3, 0.01, 0.4, 1.7, 2.5, 6, 15),
                          df = c(0.4, 1, 2.5, 3, 7.3, 10, 29.9, 100, 1000, 1e5, 1e6, 5e7, 1e10)),
              function(r) obj(t = num(r$t), df = num(r$df), p = num(pt(r$t, r$df))))
# (Not p = 1e-300: there R's own qt is off, pt(qt(1e-300, 2.5), 2.5) = 0.99998e-300; t-quantile.test.ts checks the round trip.)
t_quantile <- grid(expand.grid(p = c(1e-100, 1e-9, 0.001, 0.025, 0.2, 0.4999, 0.5001, 0.6, 0.95, 0.995), df = c(0.5, 1, 2.5, 4, 9.7, 30, 250, 1e4, 1e7)),
                   function(r) obj(p = num(r$p), df = num(r$df), t = num(qt(r$p, r$df))))
incomplete_beta <- grid(expand.grid(x = c(1e-6, 0.001, 0.2, 0.5, 0.77, 0.999, 1 - 1e-7), a = c(0.1, 0.5, 1, 2.5, 10, 40, 2000), b = c(0.5, 3, 15, 900)),
                        function(r) obj(x = num(r$x), a = num(r$a), b = num(r$b), p = num(pbeta(r$x, r$a, r$b))))
log_beta <- grid(expand.grid(a = c(0.05, 0.5, 1, 3.3, 9.99, 10, 25, 1e3, 1e6, 1e9), b = c(0.5, 2, 12, 1e4, 1e8)),
                 function(r) obj(a = num(r$a), b = num(r$b), value = num(lbeta(r$a, r$b))))
incomplete_gamma <- grid(expand.grid(a = c(0.5, 1, 3.5, 20), x = c(1e-4, 0.3, 1, 4.5, 19, 60, 300)),
                         function(r) obj(a = num(r$a), x = num(r$x), p = num(pgamma(r$x, r$a)), q = num(pgamma(r$x, r$a, lower.tail = FALSE))))
u_distribution <- lapply(list(c(2, 2), c(3, 4), c(7, 4), c(1, 9), c(12, 15), c(50, 50)),
                         function(s) obj(m = num(s[1]), n = num(s[2]), p = vec(dwilcox(0:(s[1] * s[2]), s[1], s[2]))))

# Welch's t-test -------------------------------------------------------------------------------
welch_case <- function(name, x, y) {
  two <- t.test(x, y); less <- t.test(x, y, alternative = "less"); greater <- t.test(x, y, alternative = "greater")
  obj(name = str(name), x = vec(x), y = vec(y), t = num(unname(two$statistic)), df = num(unname(two$parameter)),
      pTwoSided = num(two$p.value), pLess = num(less$p.value), pGreater = num(greater$p.value))
}
welch <- list(
  welch_case("small n", c(1, 2, 3, 4), c(3, 4, 5, 6, 7)),
  welch_case("n = 2 on both sides", c(1.5, 2.5), c(2.1, 4.2)),
  welch_case("large n", rnorm(200, 10, 1), rnorm(180, 10.2, 1.3)),
  welch_case("unequal sizes and variances", rnorm(5, 0, 0.1), rnorm(40, 0.3, 3)),
  welch_case("ties", c(3, 3, 4, 4, 4, 5, 6), c(4, 5, 5, 5, 6, 6, 7, 7)),
  welch_case("identical samples", c(5.1, 5.3, 5.2, 5.4, 5.0), c(5.1, 5.3, 5.2, 5.4, 5.0)),
  welch_case("a constant sample", c(7, 7, 7, 7), c(6.5, 7.2, 7.9, 8.1, 7.4)),
  welch_case("log timings 20 vs 20, 20% slower", log(rlnorm(20, log(1000), 0.03)), log(rlnorm(20, log(1250), 0.03))),
  welch_case("log timings 20 vs 20, unchanged", log(rlnorm(20, log(1000), 0.03)), log(rlnorm(20, log(1000), 0.03))),
  welch_case("tiny p", rnorm(30, 0, 1), rnorm(30, 5, 1))
)

# Mann-Whitney U -------------------------------------------------------------------------------
# R's own default is exact only below 50 per side; benchgate's rule is "at most 50", so pass it.
is_exact <- function(x, y) length(x) <= 50 && length(y) <= 50 && length(unique(c(x, y))) == length(c(x, y))
mw_case <- function(name, x, y) {
  exact <- is_exact(x, y)
  run <- function(alt) suppressWarnings(wilcox.test(x, y, alternative = alt, exact = exact, correct = TRUE))
  obj(name = str(name), x = vec(x), y = vec(y), exact = tolower(exact), u = num(unname(run("two.sided")$statistic)),
      pTwoSided = num(run("two.sided")$p.value), pLess = num(run("less")$p.value), pGreater = num(run("greater")$p.value))
}
mann_whitney <- list(
  mw_case("small n exact", c(1, 2, 3), c(4, 5, 6, 7)),
  mw_case("n = 1 on one side", c(2.5), c(1.1, 3.7, 4.2, 0.4, 5.5)),
  mw_case("overlapping exact", c(1.1, 3.4, 2.2, 5.0, 4.1), c(2.9, 6.1, 5.5, 3.3, 7.2, 4.4)),
  mw_case("20 vs 20 exact", round(rnorm(20, 100, 5), 6), round(rnorm(20, 104, 5), 6)),
  mw_case("50 vs 50 exact", round(rnorm(50, 0, 1), 8), round(rnorm(50, 0.5, 1), 8)),
  mw_case("ties", c(1, 2, 2, 3, 3, 3, 4), c(2, 3, 4, 4, 5, 5)),
  mw_case("large n", round(rnorm(80, 0, 1), 8), round(rnorm(70, 0.3, 1), 8)),
  mw_case("large n with ties", round(rnorm(120, 10, 2)), round(rnorm(90, 10.8, 2))),
  mw_case("unequal sizes", round(rexp(3), 8), round(rexp(45, 0.5), 8)),
  mw_case("identical samples", c(5.1, 5.3, 5.2, 5.4, 5.0), c(5.1, 5.3, 5.2, 5.4, 5.0)),
  mw_case("a constant sample", c(7, 7, 7, 7), c(6.5, 7.2, 7.9, 8.1, 7.4)),
  mw_case("complete separation 10 vs 10", 1:10, 101:110),
  mw_case("complete separation 50 vs 50", 1:50, 51:100)
)

# Hodges-Lehmann -------------------------------------------------------------------------------
hl_case <- function(name, x, y, conf) {
  exact <- is_exact(x, y)
  r <- suppressWarnings(wilcox.test(y, x, conf.int = TRUE, conf.level = conf, exact = exact))
  obj(name = str(name), x = vec(x), y = vec(y), exact = tolower(exact), confidence = num(conf), shift = num(unname(r$estimate)),
      low = num(r$conf.int[1]), high = num(r$conf.int[2]), rConfidence = num(attr(r$conf.int, "conf.level")))
}
hodges_lehmann <- list(
  hl_case("small n", c(1.2, 2.3, 3.1, 4.6, 5.5), c(3.3, 4.4, 5.8, 6.1, 7.9, 8.2), 0.95),
  hl_case("n = 1 on one side", c(1.5), c(2.5, 3.1, 0.2, 4), 0.95),
  hl_case("n = 2 on both sides", c(1, 2), c(3.5, 4.5), 0.95),
  hl_case("log timings 10 vs 10", log(round(rlnorm(10, log(1000), 0.03), 4)), log(round(rlnorm(10, log(1200), 0.03), 4)), 0.95),
  hl_case("log timings 20 vs 20 at 99%", log(round(rlnorm(20, log(500), 0.05), 5)), log(round(rlnorm(20, log(520), 0.05), 5)), 0.99),
  hl_case("unequal sizes", round(rnorm(7), 8), round(rnorm(25, 1), 8), 0.9),
  hl_case("large n", round(rnorm(60), 8), round(rnorm(75, 0.4), 8), 0.95),
  hl_case("ties", c(1, 2, 2, 3, 3, 3, 4), c(2, 3, 4, 4, 5, 5), 0.95),
  hl_case("many ties", round(rnorm(30, 10, 1)), round(rnorm(25, 10.5, 1)), 0.9),
  hl_case("identical samples", c(5.1, 5.3, 5.2, 5.4, 5.0), c(5.1, 5.3, 5.2, 5.4, 5.0), 0.95),
  hl_case("a constant sample", c(7, 7, 7, 7), c(6.5, 7.2, 7.9, 8.1, 7.4), 0.95)
)

# Random two-sample cases (sizes 1 to 80, rounding from 0 to 8 decimals, so many with ties) ----
random_rank <- list()
while (length(random_rank) < 60) {
  m <- sample(c(1:8, 12, 20, 35, 50, 51, 80), 1); n <- sample(c(2:8, 12, 20, 35, 50, 60), 1)
  digits <- sample(c(0, 1, 2, 8), 1)
  x <- round(rnorm(m, 10, 2), digits); y <- round(rnorm(n, 10.5, 2.5), digits)
  conf <- sample(c(0.9, 0.95, 0.99), 1)
  exact <- is_exact(x, y)
  r <- tryCatch(suppressWarnings(wilcox.test(y, x, conf.int = TRUE, conf.level = conf, exact = exact)), error = function(e) NULL)
  if (is.null(r)) next
  w <- lapply(c("two.sided", "less", "greater"), function(a) suppressWarnings(wilcox.test(x, y, alternative = a, exact = exact)))
  random_rank[[length(random_rank) + 1]] <- obj(
    x = vec(x), y = vec(y), exact = tolower(exact), confidence = num(conf), low = num(r$conf.int[1]), high = num(r$conf.int[2]),
    u = num(unname(w[[1]]$statistic)), pTwoSided = num(w[[1]]$p.value), pLess = num(w[[2]]$p.value), pGreater = num(w[[3]]$p.value))
}

# Multiplicity, fences, coefficient of variation ------------------------------------------------
adjust <- lapply(list(c(0.01, 0.04, 0.03), c(0.2, 0.001, 0.04, 0.04, 0.9, 0.013), runif(25)^3, c(1e-10, 0.5), c(0.03),
                      c(0, 1, 0.5, 0, 1), c(0.01, 0.01, 0.01, 0.01)),
                 function(p) obj(p = vec(p), holm = vec(p.adjust(p, "holm")), bh = vec(p.adjust(p, "BH"))))
fences <- lapply(list(c(1, 2, 3, 4, 100), round(rnorm(17), 6), c(5, 5, 5, 5), c(3, 1, 4, 1, 5, 9, 2, 6), c(-40, 1, 2, 2.5, 3),
                      c(1000, 1010, 990, 1005, 2000, 400)),
                 function(x) {
                   q <- quantile(x, c(0.25, 0.75), type = 7); iqr <- q[2] - q[1]
                   obj(x = vec(x), low = num(unname(q[1] - 1.5 * iqr)), high = num(unname(q[2] + 1.5 * iqr)),
                       farLow = num(unname(q[1] - 3 * iqr)), farHigh = num(unname(q[2] + 3 * iqr)), cv = num(sd(x) / abs(mean(x))))
                 })

# Wilcoxon signed-rank and one-sample Hodges-Lehmann (paired rounds: per-round log ratios) -------
# wilcox.test(x, mu = 0, exact = NULL, correct = TRUE, conf.int = TRUE): R's own defaults, which
# benchgate follows (exact when fewer than 50 non-zero values, no ties and no zeros).
set.seed(20261202)
sr_case <- function(name, x, conf = 0.95) {
  run <- function(alt) suppressWarnings(wilcox.test(x, mu = 0, alternative = alt, exact = NULL, correct = TRUE))
  two <- run("two.sided")
  ci <- suppressWarnings(wilcox.test(x, mu = 0, exact = NULL, correct = TRUE, conf.int = TRUE, conf.level = conf))
  obj(name = str(name), x = vec(x), exact = tolower(grepl("exact", two$method)), v = num(unname(two$statistic)),
      pTwoSided = num(two$p.value), pLess = num(run("less")$p.value), pGreater = num(run("greater")$p.value),
      confidence = num(conf), estimate = num(unname(ci$estimate)), low = num(ci$conf.int[1]), high = num(ci$conf.int[2]),
      rConfidence = num(attr(ci$conf.int, "conf.level")))
}
log_ratios <- function(n, shift, sd) log(rlnorm(n, log(1000 * exp(shift)), sd) / rlnorm(n, log(1000), sd))
signed_rank <- list(
  sr_case("small n exact", c(1.5, 2.5, -0.5, 3, 4, 2, 1)),
  sr_case("n = 1", c(0.3)),
  sr_case("n = 2", c(-0.2, 0.5)),
  sr_case("all positive, 10 rounds", round(abs(rnorm(10, 0.2, 0.05)), 8)),
  sr_case("all negative, 12 rounds", -round(abs(rnorm(12, 0.1, 0.05)), 8)),
  sr_case("log ratios 20 rounds, 20% slower", log_ratios(20, log(1.25), 0.03)),
  sr_case("log ratios 20 rounds, unchanged", log_ratios(20, 0, 0.03)),
  sr_case("log ratios 30 rounds, 5% slower at 99%", log_ratios(30, log(1 / 0.95), 0.04), 0.99),
  sr_case("log ratios 30 rounds, 3% faster at 90%", log_ratios(30, log(0.97), 0.02), 0.9),
  sr_case("49 rounds exact", round(rnorm(49, 0.05, 0.1), 8)),
  sr_case("50 rounds approximate", round(rnorm(50, 0.05, 0.1), 8)),
  sr_case("large n", round(rnorm(300, -0.01, 0.05), 8)),
  sr_case("ties", c(1, 2, 2, -3, 3, 3, 4, -1, 5, 2)),
  sr_case("ties only in |x|", c(0.5, -0.5, 1.5, 2, -2, 3, 0.7)),
  sr_case("zeros", c(0, 0.12, -0.03, 0.08, 0, 0.15, 0.2, 0.04, 0.11, -0.01)),
  sr_case("zeros and ties", round(rnorm(40, 0.01, 0.02), 2)),
  sr_case("too few values for the level (R lowers it)", c(1, 1, 2, -0.5)),
  sr_case("mostly zeros", c(0, 0, 0, 0, 0, 0, 0.01, 0.02, -0.01, 0.03)),
  sr_case("large n with ties and zeros", round(rnorm(150, 0.02, 0.03), 2), 0.9),
  sr_case("identical pairs (all zero but one)", c(0, 0, 0, 0, 0.05))
)
# A constant non-zero x and all zeros: R gives no interval (NaN); p values only, with the zeros' NaN written as null.
signed_rank_p_only <- lapply(list(list("constant non-zero", rep(0.1, 8)), list("all zero", rep(0, 6))), function(case) {
  run <- function(alt) suppressWarnings(wilcox.test(case[[2]], mu = 0, alternative = alt, exact = NULL, correct = TRUE))
  obj(name = str(case[[1]]), x = vec(case[[2]]), v = num(unname(run("two.sided")$statistic)), pTwoSided = num(run("two.sided")$p.value),
      pLess = num(run("less")$p.value), pGreater = num(run("greater")$p.value))
})
random_signed_rank <- list()
while (length(random_signed_rank) < 60) {
  n <- sample(c(1:9, 12, 20, 35, 48, 49, 50, 51, 80, 200), 1)
  digits <- sample(c(1, 2, 3, 8), 1)
  x <- round(rnorm(n, sample(c(-0.05, 0, 0.05), 1), 0.05), digits)
  if (all(x == 0) || length(unique(x[x != 0])) < 2) next
  conf <- sample(c(0.9, 0.95, 0.99), 1)
  random_signed_rank[[length(random_signed_rank) + 1]] <- sr_case(sprintf("random %d", length(random_signed_rank) + 1), x, conf)
}
sr_distribution <- lapply(c(1, 2, 5, 10, 20, 49), function(n) obj(n = num(n), p = vec(dsignrank(0:(n * (n + 1) / 2), n))))

cat("{\n")
cat('"generatedBy": "', R.version.string, '",\n', sep = "")
cat('"normalCdf": ', arr(normal_cdf), ",\n")
cat('"normalQuantile": ', arr(normal_quantile), ",\n")
cat('"tCdf": ', arr(t_cdf), ",\n")
cat('"tQuantile": ', arr(t_quantile), ",\n")
cat('"incompleteBeta": ', arr(incomplete_beta), ",\n")
cat('"logBeta": ', arr(log_beta), ",\n")
cat('"incompleteGamma": ', arr(incomplete_gamma), ",\n")
cat('"uDistribution": ', arr(u_distribution), ",\n")
cat('"welch": ', arr(welch), ",\n")
cat('"mannWhitney": ', arr(mann_whitney), ",\n")
cat('"hodgesLehmann": ', arr(hodges_lehmann), ",\n")
cat('"randomRank": ', arr(random_rank), ",\n")
cat('"adjust": ', arr(adjust), ",\n")
cat('"fences": ', arr(fences), ",\n")
cat('"signedRank": ', arr(signed_rank), ",\n")
cat('"signedRankPOnly": ', arr(signed_rank_p_only), ",\n")
cat('"randomSignedRank": ', arr(random_signed_rank), ",\n")
cat('"signedRankDistribution": ', arr(sr_distribution), "\n")
cat("}\n")
