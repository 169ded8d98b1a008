# Reference values for test/stats, computed by R itself (stats package only).
# Regenerate with:  Rscript test/stats/reference/make-reference.R > test/stats/reference/reference.json
# Samples are drawn here with a fixed seed and written out with the values, so the TypeScript
# tests use exactly the same inputs.

num <- function(x) {
  if (length(x) == 0) return("[]")
  s <- ifelse(is.na(x), "null", ifelse(is.infinite(x), ifelse(x > 0, "1e999", "-1e999"), sprintf("%.17g", x)))
  if (length(x) == 1) s else paste0("[", paste(s, collapse = ","), "]")
}
vec <- function(x) paste0("[", paste(sprintf("%.17g", x), collapse = ","), "]")
obj <- function(...) {
  fields <- list(...)
  paste0("{", paste(sprintf('"%s":%s', names(fields), unlist(fields)), collapse = ","), "}")
}
arr <- function(items) paste0("[\n  ", paste(items, collapse = ",\n  "), "\n]")

set.seed(20261122)

normal_cdf <- lapply(c(-37, -30, -20, -10, -8.5, -7, -5, -3.2, -2, -1.5, -1, -0.5, -0.1, 0, 0.3, 0.99, 1.01, 1.5, 2.5, 4, 6), function(z)
  obj(z = num(z), p = num(pnorm(z))))
normal_quantile <- lapply(c(1e-300, 1e-100, 1e-20, 1e-12, 1e-6, 0.001, 0.02, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999, 1 - 1e-10), function(p)
  obj(p = num(p), z = num(qnorm(p))))
t_cdf <- list()
for (df in c(1, 2.5, 3, 7.3, 10, 29.9, 100, 1000)) for (t in c(-40, -8, -3, -1.2, -0.2, 0.4, 1.7, 2.5, 6, 15))
  t_cdf[[length(t_cdf) + 1]] <- obj(t = num(t), df = num(df), p = num(pt(t, df)))
t_quantile <- list()
for (df in c(1, 2.5, 4, 9.7, 30, 250)) for (p in c(1e-9, 0.001, 0.025, 0.2, 0.6, 0.95, 0.995))
  t_quantile[[length(t_quantile) + 1]] <- obj(p = num(p), df = num(df), t = num(qt(p, df)))
beta <- list()
for (a in c(0.5, 1, 2.5, 10, 40)) for (b in c(0.5, 3, 15)) for (x in c(0.001, 0.2, 0.5, 0.77, 0.999))
  beta[[length(beta) + 1]] <- obj(x = num(x), a = num(a), b = num(b), p = num(pbeta(x, a, b)))

welch_case <- function(name, x, y) {
  two <- t.test(x, y); less <- t.test(x, y, alternative = "less"); greater <- t.test(x, y, alternative = "greater")
  obj(name = sprintf('"%s"', name), x = vec(x), y = vec(y), t = num(unname(two$statistic)), df = num(unname(two$parameter)),
      pTwoSided = num(two$p.value), pLess = num(less$p.value), pGreater = num(greater$p.value))
}
welch <- list(
  welch_case("small n", c(1, 2, 3, 4), c(3, 4, 5, 6, 7)),
  welch_case("two values each", c(1.5, 2.5), c(2.1, 4.2)),
  welch_case("large n", rnorm(200, 10, 1), rnorm(180, 10.2, 1.3)),
  welch_case("unequal sizes and variances", rnorm(5, 0, 0.1), rnorm(40, 0.3, 3)),
  welch_case("log timings 20 vs 20, 20% slower", log(rlnorm(20, log(1000), 0.03)), log(rlnorm(20, log(1250), 0.03))),
  welch_case("tiny p", rnorm(30, 0, 1), rnorm(30, 5, 1))
)

mw_case <- function(name, x, y) {
  exact <- length(x) <= 50 && length(y) <= 50 && length(unique(c(x, y))) == length(c(x, y))
  run <- function(alt) suppressWarnings(wilcox.test(x, y, alternative = alt, exact = exact, correct = TRUE))
  obj(name = sprintf('"%s"', name), x = vec(x), y = vec(y), exact = ifelse(exact, "true", "false"), u = num(unname(run("two.sided")$statistic)),
      pTwoSided = num(run("two.sided")$p.value), pLess = num(run("less")$p.value), pGreater = num(run("greater")$p.value))
}
mw <- list(
  mw_case("small n exact", c(1, 2, 3), c(4, 5, 6, 7)),
  mw_case("overlapping exact", c(1.1, 3.4, 2.2, 5.0, 4.1), c(2.9, 6.1, 5.5, 3.3, 7.2, 4.4)),
  mw_case("20 vs 20 exact", round(rnorm(20, 100, 5), 6), round(rnorm(20, 104, 5), 6)),
  mw_case("50 vs 50 exact", round(rnorm(50, 0, 1), 8), round(rnorm(50, 0.5, 1), 8)),
  mw_case("ties, normal approximation", c(1, 2, 2, 3, 3, 3, 4), c(2, 3, 4, 4, 5, 5)),
  mw_case("large n normal approximation", round(rnorm(80, 0, 1), 8), round(rnorm(70, 0.3, 1), 8)),
  mw_case("unequal sizes exact", round(rexp(3), 8), round(rexp(45, 0.5), 8)),
  mw_case("complete separation 10 vs 10", 1:10, 101:110)
)

hl_case <- function(name, x, y, conf) {
  exact <- length(x) <= 50 && length(y) <= 50 && length(unique(c(x, y))) == length(c(x, y))
  r <- suppressWarnings(wilcox.test(y, x, conf.int = TRUE, conf.level = conf, exact = exact))
  obj(name = sprintf('"%s"', name), x = vec(x), y = vec(y), confidence = num(conf), shift = num(unname(r$estimate)),
      low = num(r$conf.int[1]), high = num(r$conf.int[2]))
}
hl <- list(
  hl_case("small n", c(1, 2, 3, 4, 5), c(3, 4, 5, 6, 7, 8), 0.95),
  hl_case("log timings 10 vs 10", log(round(rlnorm(10, log(1000), 0.03), 4)), log(round(rlnorm(10, log(1200), 0.03), 4)), 0.95),
  hl_case("log timings 20 vs 20 at 99%", log(round(rlnorm(20, log(500), 0.05), 5)), log(round(rlnorm(20, log(520), 0.05), 5)), 0.99),
  hl_case("unequal sizes", round(rnorm(7), 8), round(rnorm(25, 1), 8), 0.9)
)

adjust <- list()
for (p in list(c(0.01, 0.04, 0.03), c(0.2, 0.001, 0.04, 0.04, 0.9, 0.013), runif(25)^3, c(1e-10, 0.5)))
  adjust[[length(adjust) + 1]] <- obj(p = vec(p), holm = vec(p.adjust(p, "holm")), bh = vec(p.adjust(p, "BH")))

fences <- list()
for (x in list(c(1, 2, 3, 4, 100), round(rnorm(17), 6), c(5, 5, 5, 5), c(3, 1, 4, 1, 5, 9, 2, 6))) {
  q <- quantile(x, c(0.25, 0.75), type = 7); iqr <- q[2] - q[1]
  fences[[length(fences) + 1]] <- obj(x = vec(x), low = num(unname(q[1] - 1.5 * iqr)), high = num(unname(q[2] + 1.5 * iqr)),
                                      cv = num(sd(x) / abs(mean(x))))
}

cat("{\n")
cat('"generatedBy": "', R.version.string, '",\n', sep = "")
cat('"normalCdf": ', arr(normal_cdf), ",\n")
cat('"normalQuantile": ', arr(normal_quantile), ",\n")
cat('"tCdf": ', arr(t_cdf), ",\n")
cat('"tQuantile": ', arr(t_quantile), ",\n")
cat('"incompleteBeta": ', arr(beta), ",\n")
cat('"welch": ', arr(welch), ",\n")
cat('"mannWhitney": ', arr(mw), ",\n")
cat('"hodgesLehmann": ', arr(hl), ",\n")
cat('"adjust": ', arr(adjust), ",\n")
cat('"fences": ', arr(fences), "\n")
cat("}\n")
