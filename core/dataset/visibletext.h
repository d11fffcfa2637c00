#pragma once

#include <QString>
#include <QStringView>

namespace cinetune {

// Text for a message, with every character a reader could not see written as an escape: ASCII
// control characters as \xNN, other invisible or blank code points (a byte order mark, zero-width
// and no-break spaces, line and paragraph separators, format and private-use characters,
// unassigned code points) as \uXXXX (\U00XXXXXX beyond the BMP). Visible text, accents included,
// stays as it is.
QString visibleText(QStringView text);

// The same for raw bytes read as UTF-8; a byte that is not part of valid UTF-8 is \xNN.
QString visibleBytes(const char *begin, const char *end);

} // namespace cinetune
