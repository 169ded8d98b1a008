# Reference values for the alpha-spending functions of src/stats/alpha-spent-at-look.ts.
# Regenerate with (Debian: apt-get install r-cran-rpact):
#   Rscript test/stats/reference/make-spending-reference.R > test/stats/reference/spending-reference.json
# Two opinions: the Lan-DeMets formulas evaluated with R's pnorm/qnorm at full precision, and
# rpact's getDesignGroupSequential(typeOfDesign = "asP" / "asOF", sided = 1), an independent
# implementation. rpact spends alpha - 1e-8 at the last look and rounds the tiniest early values,
# so the tests hold it to 1.1e-8 absolute.
suppressMessages(library(rpact))
num <- function(x) sprintf("%.17g", x)
vec <- function(x) paste0("[", paste(num(x), collapse = ","), "]")
rows <- list()
for (alpha in c(0.01, 0.05, 0.2)) for (k in c(2, 3, 4, 10, 20)) for (type in c("pocock", "obrien-fleming")) {
  t <- (1:k) / k
  formula <- if (type == "pocock") alpha * log(1 + (exp(1) - 1) * t) else 2 * pnorm(qnorm(alpha / 2, lower.tail = FALSE) / sqrt(t), lower.tail = FALSE)
  design <- suppressWarnings(getDesignGroupSequential(kMax = k, alpha = alpha, sided = 1, typeOfDesign = if (type == "pocock") "asP" else "asOF",
                                                      informationRates = t))
  rows[[length(rows) + 1]] <- sprintf('{"alpha":%s,"maxLooks":%d,"spending":"%s","formula":%s,"rpact":%s}', num(alpha), k, type, vec(formula),
                                      vec(design$alphaSpent))
}
cat("{\n")
cat('"generatedBy": "', R.version.string, ", rpact ", as.character(packageVersion("rpact")), '",\n', sep = "")
cat('"spending": [\n  ', paste(rows, collapse = ",\n  "), "\n]\n}\n", sep = "")
