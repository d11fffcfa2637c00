#pragma once

#include <QProxyStyle>

namespace cinetune::ui {

// Draws a table header's sort indicator so that it points the way the rows go: ascending (the
// smallest value first) is an upward arrow ▲, descending ▼, in every style. QHeaderView hands
// Qt::AscendingOrder to the style as QStyleOptionHeader::SortDown, and styles disagree on what
// that looks like (Fusion on Linux draws a downward arrow for it).
class SortIndicatorStyle final : public QProxyStyle
{
    Q_OBJECT

public:
    using QProxyStyle::QProxyStyle;

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;

    // Wraps the application's style (once; the application owns the result).
    static void install();
};

} // namespace cinetune::ui
