# Reference values for src/stats/median.ts: R's median() (type 7 quantile at 0.5: the middle
# value, or the mean of the two middle values). Run from the repository root:
#   Rscript test/stats/reference/make-median-reference.R > test/stats/reference/median-reference.json
set.seed(20261202)
samples <- list(
  c(3, 1, 2),
  c(3, 1, 2, 10),
  c(5),
  c(-1.5, 2.25),
  c(7, 7, 7, 7),
  c(1e-300, 1e300, 0),
  c(2, 2, 1, 3, 3),
  rlnorm(11, meanlog = 4, sdlog = 0.3),
  rnorm(40, mean = 100, sd = 3)
)
cases <- vapply(samples, function(x) {
  sprintf('{"x":[%s],"median":%s}', paste(sprintf("%.17g", x), collapse = ","), sprintf("%.17g", median(x)))
}, character(1))
cat(sprintf("{\"generator\":\"%s\",\"cases\":[\n%s\n]}\n", R.version.string, paste(cases, collapse = ",\n")))
