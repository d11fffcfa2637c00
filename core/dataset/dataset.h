#pragma once

#include "core/dataset/catalogue.h"
#include "core/dataset/datasetsource.h"
#include "core/dataset/datasetstats.h"
#include "core/dataset/ratingstore.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <memory>

namespace cinetune {

// A note on how the data was read (a policy applied, with its count), kept language-neutral: the
// message's source text (context "cinetune", marked with QT_TRANSLATE_NOOP / QT_TRANSLATE_N_NOOP)
// and its arguments. The binary cache stores it so; text() translates it when it is shown, in the
// language of that moment (a cache written in English still reads in German).
struct LoadNote
{
    QString source;   // "" = args.first() is the text itself (a message translated elsewhere)
    int n = -1;       // %n, for a plural message
    QStringList args; // %1, %2, …
    QString text() const;
    friend bool operator==(const LoadNote &, const LoadNote &) = default;
};
QStringList loadNoteTexts(const QList<LoadNote> &notes);

// A loaded dataset: where it came from, its movies, ratings and statistics. Immutable; shared
// between threads as std::shared_ptr<const Dataset>.
struct Dataset
{
    DatasetSource source;
    Catalogue catalogue;
    RatingStore store;
    DatasetStats stats;
    QList<LoadNote> notes;  // policies applied while loading, each with a count
    QStringList warnings;   // the notes' texts in the language of the load (loadNoteTexts(notes))
    QByteArray fingerprint; // hex; identifies the source files' contents (size + mtime + names)
    bool fromCache = false; // true when reopened from the binary cache
};

using DatasetPtr = std::shared_ptr<const Dataset>;

} // namespace cinetune
