#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <vector>

namespace cinetune {

// Folds text for searching: case-insensitive and diacritics-insensitive ("Amélie" -> "amelie",
// "STRASSE" and "straße" both -> "strasse"), whitespace collapsed.
QString foldForSearch(QStringView text);

// Splits a user's query into folded terms; a key matches when it contains every term.
QStringList searchTerms(const QString &query);
bool matchesAllTerms(const QString &foldedKey, const QStringList &terms);

class Catalogue;
// Per movie index the folded "title year" ("title" when the year is unknown): the keys the movie
// filter and the Playground's search index match against. O(movies).
std::vector<QString> movieSearchKeys(const Catalogue &catalogue);

} // namespace cinetune
