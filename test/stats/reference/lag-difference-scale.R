# Reference values for src/stats/lag-difference-scale.ts:
#   Rscript test/stats/reference/lag-difference-scale.R > test/stats/reference/lag-difference-scale.json
# The estimate is R's mad() of the pairwise differences at lags <= maxLag taken about 0, divided by sqrt(2):
# mad(d, center = 0) = 1.4826 * median(|d|).
set.seed(12)
lagScale <- function(x, maxLag) {
  d <- c()
  for (lag in seq_len(maxLag)) if (length(x) > lag) d <- c(d, diff(x, lag = lag))
  mad(d, center = 0, constant = 1 / qnorm(0.75)) / sqrt(2)
}
cases <- list(
  list(name = "normal-8", x = rnorm(8), maxLag = 2),
  list(name = "normal-15", x = rnorm(15, 5, 0.03), maxLag = 2),
  list(name = "lognormal-30", x = log(rlnorm(30, 0, 0.1)), maxLag = 3),
  list(name = "step", x = c(rnorm(6, 0, 0.02), rnorm(6, 0.3, 0.02)), maxLag = 2),
  list(name = "odd-job", x = c(rnorm(9, 0, 0.02), 0.5), maxLag = 2),
  list(name = "two", x = c(1, 3), maxLag = 2),
  list(name = "lag-1", x = rnorm(10), maxLag = 1)
)
rows <- sapply(cases, function(c) sprintf('{"name": "%s", "maxLag": %d, "x": [%s], "scale": %.17g}',
  c$name, c$maxLag, paste(sprintf("%.17g", c$x), collapse = ", "), lagScale(c$x, c$maxLag)))
cat(sprintf('{"generatedBy": "%s", "cases": [\n%s\n]}\n', R.version.string, paste(rows, collapse = ",\n")))
