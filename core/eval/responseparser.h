#pragma once

#include <QList>
#include <QString>

namespace cinetune {

struct ParsedItem
{
    QString title;   // cleaned: no list marker, markdown, quotes or trailing explanation
    int year = 0;    // 0 = none given
    QString rawLine; // the line (or JSON element) it came from

    bool operator==(const ParsedItem &) const = default;
};

struct ParsedResponse
{
    QList<ParsedItem> items; // in the model's order
    bool ok = false;
    QString reason; // why nothing was found (user-facing) when !ok
    bool fromJson = false;
};

// Reads a model's answer as a ranked list of titles. Accepts numbered lists ("1. Title (1999)",
// "1) Title", "#1 - Title"), bullets (-, *, •), plain lines, markdown bold, quotes, trailing
// explanations after " - ", " — " or ": ", and JSON ({"recommendations": [...]}, a bare array,
// possibly in a ```json fence; elements {"title", "year"} or "Title (Year)"). Preamble and
// closing remarks are skipped. Never fails on any input: garbage gives ok = false and a reason.
ParsedResponse parseRecommendations(const QString &text);

// Cleans one list line (marker, markdown, quotes, explanation) into an item; empty title when
// nothing title-like is left.
ParsedItem parseRecommendationLine(const QString &line);

} // namespace cinetune
