#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <cstdint>

namespace cinetune {

// Options for the synthetic Netflix Prize generator. The defaults give the real data's scale
// (480,189 customers, 17,770 movies, about 100.5 M ratings, about 2.1 GB).
struct SynthOptions
{
    std::uint32_t users = 480189; // distinct customers; total ratings ≈ users × 209.25
    std::uint32_t movies = 17770; // movies 1..movies, split into four files like the real data
    std::uint64_t seed = 1;       // same seed and sizes → same bytes, for any thread count
    int threads = 0;              // worker threads; 0 = QThread::idealThreadCount()
};

struct SynthSummary
{
    std::uint64_t ratings = 0; // rating lines written
    std::uint32_t users = 0;   // distinct customers that rated (always options.users)
    std::uint32_t movies = 0;
    qint64 bytes = 0;  // total size of all files written
    QStringList files; // absolute paths: combined_data_1..4.txt, movie_titles.csv
};

// Writes a deterministic synthetic data set in the Kaggle Netflix Prize layout into outDir
// (created if needed): combined_data_1.txt .. combined_data_4.txt ("MovieID:" lines followed by
// "CustomerID,Rating,YYYY-MM-DD" lines, LF) and movie_titles.csv ("MovieID,Year,Title", Latin-1,
// no header, unquoted titles that may contain commas, "NULL" years). Existing files of those
// names are replaced only when everything was written; the data is written to "*.part" files
// first and renamed at the end, so a failure or a cancellation leaves no partial output.
//
// Model (see docs): K = 20 taste clusters (genres); every movie belongs to one or two, every
// user has one to three favourites. Movie popularity is lognormal (σ 2.2, recent years more
// popular) with a soft cap at half the users, scaled so the total is users × 209.25. Wanted user
// activity is lognormal (median ≈ 96, mean ≈ 209); user sampling weights are fitted to it so that
// heavy users keep their thousands of ratings although they saturate popular movies. Raters of a
// movie are drawn without replacement with weight × (1 + 3 × shared favourite clusters); every
// user has one guaranteed rating. Ratings are quality (correlated with popularity) + user bias +
// favourite bonus + noise, quantized by thresholds fitted to Netflix's star mix
// (4.6/10.1/28.7/33.6/23.0 %). Dates fall in each user's active window inside
// 1999-11-11..2005-12-31 and not before a recent movie's release; windows start more often late,
// so volume grows over time.
//
// Randomness: splitmix64 streams keyed by (seed, purpose, entity), own bounded-integer draws
// (Lemire's multiply-shift with rejection) and own alias tables — no std:: distributions, so the
// bytes depend only on the options (and the platform's IEEE double arithmetic and libm).
//
// Progress is reported as "Generating ratings"; progress.canceled() stops the work and returns
// Error code "canceled". I/O failures return Error code "io" with the path in the message;
// out-of-range options return "invalid-argument".
[[nodiscard]] Result<SynthSummary> writeSynthNetflix(const QString &outDir, const SynthOptions &options, Progress &progress);

} // namespace cinetune
