#pragma once

#include "core/common/result.h"
#include "core/dataset/ratingstore.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

namespace cinetune {

// A list of source user ids separated by white space (goldset --users-file). A UTF-8 byte order
// mark, CRLF and blank lines are accepted; errors name the file and line and show invisible
// characters ("found \"\\ufeff1\"").
Result<std::vector<std::uint32_t>> parseUserIdList(const QByteArray &data, const QString &name, const RatingStore &store);
Result<std::vector<std::uint32_t>> readUserIdList(const QString &path, const RatingStore &store);

} // namespace cinetune
