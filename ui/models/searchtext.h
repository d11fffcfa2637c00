#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace cinetune::ui {

// Folds text for searching: case-insensitive and diacritics-insensitive ("Amélie" -> "amelie",
// "STRASSE" and "straße" both -> "strasse"), whitespace collapsed.
QString foldForSearch(QStringView text);

// Splits a user's query into folded terms; a key matches when it contains every term.
QStringList searchTerms(const QString &query);
bool matchesAllTerms(const QString &foldedKey, const QStringList &terms);

} // namespace cinetune::ui
