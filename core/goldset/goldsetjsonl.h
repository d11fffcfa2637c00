#pragma once

#include "core/common/result.h"
#include "core/goldset/goldset.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace cinetune {

// The gold set as JSON Lines: one object per kept user, ascending source user id, keys in this
// order, no spaces, LF line ends:
//   {"user":42,"profile":[3,1,7],"gold":[9,4],"neighbors":10000,"candidates":204811,"split":"train"}
// Ids are the dataset's source ids; "neighbors" is the sampled neighbour count N (0 for the
// temporal hold-out), "candidates" the users who qualified before the cap.

QByteArray goldSetJsonlLine(const GoldSetUser &user); // without the line end
QByteArray goldSetToJsonl(const std::vector<GoldSetUser> &users);

// Writes atomically (QSaveFile): on any failure the previous file, if any, is untouched.
// Errors: code "io" with the path in the message.
[[nodiscard]] Status writeGoldSetJsonl(const std::vector<GoldSetUser> &users, const QString &path);

// Parses gold-set JSONL. Blank lines are skipped, CRLF and a UTF-8 byte order mark accepted,
// unknown keys ignored, "candidates" optional. Errors (code "parse") read
// "<fileName>:<line>: expected ..., found ..." for the first bad line; a user listed twice is an
// error too. The users come back in file order.
[[nodiscard]] Result<std::vector<GoldSetUser>> parseGoldSetUsers(const QByteArray &bytes, const QString &fileName);
// Reads and parses a file (code "io" when it cannot be read).
[[nodiscard]] Result<std::vector<GoldSetUser>> readGoldSetUsers(const QString &path);

} // namespace cinetune
