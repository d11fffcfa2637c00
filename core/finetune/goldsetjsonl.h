#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace cinetune {

enum class GoldSplit { Train, Validation, Test };

QString goldSplitId(GoldSplit split); // "train", "validation", "test"
std::optional<GoldSplit> goldSplitFromId(QStringView id);

// One line of a gold-set JSONL file (written by `cinetune goldset`):
// {"user": <source user id>, "profile": [<source movie ids>], "gold": [<source movie ids>],
//  "neighbors": <int>, "split": "train|validation|test"}. Other keys are ignored.
struct GoldSetLine
{
    qint64 line = 0; // 1-based line in the file
    std::uint32_t user = 0;
    std::vector<std::uint32_t> profile;
    std::vector<std::uint32_t> gold;
    qint64 neighbors = 0;
    GoldSplit split = GoldSplit::Train;
};

// Parses a gold-set JSONL file. The first problem is an Error "name:line: expected ..., found ...";
// a user on two lines, an empty file and an empty profile are errors too. Blank lines are skipped.
Result<std::vector<GoldSetLine>> parseGoldSetJsonl(const QByteArray &bytes, const QString &name);
Result<std::vector<GoldSetLine>> readGoldSetJsonl(const QString &path);

} // namespace cinetune
