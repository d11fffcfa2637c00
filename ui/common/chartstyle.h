#pragma once

#include <QColor>

class QChart;

namespace cinetune::ui::chartstyle {

// Okabe–Ito palette: distinguishable with the common forms of colour blindness.
inline const QColor kBlue{0x00, 0x72, 0xB2};
inline const QColor kOrange{0xE6, 0x9F, 0x00};
inline const QColor kSkyBlue{0x56, 0xB4, 0xE9};
inline const QColor kGreen{0x00, 0x9E, 0x73};
inline const QColor kVermillion{0xD5, 0x5E, 0x00};
inline const QColor kPurple{0xCC, 0x79, 0xA7};

// Common look: no legend, tight margins, no animation, readable title.
void apply(QChart *chart);

} // namespace cinetune::ui::chartstyle
