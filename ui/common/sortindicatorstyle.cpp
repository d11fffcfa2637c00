#include "ui/common/sortindicatorstyle.h"

#include <QApplication>
#include <QStyleOptionHeader>

namespace cinetune::ui {

void SortIndicatorStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                                       const QWidget *widget) const
{
    const auto *header = qstyleoption_cast<const QStyleOptionHeader *>(option);
    if (element != PE_IndicatorHeaderArrow || !header || header->sortIndicator == QStyleOptionHeader::None) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    // QHeaderView: Qt::AscendingOrder -> SortDown, Qt::DescendingOrder -> SortUp.
    const bool ascending = header->sortIndicator == QStyleOptionHeader::SortDown;
    QStyleOption arrow(*option);
    arrow.state &= ~(State_UpArrow | State_DownArrow);
    QProxyStyle::drawPrimitive(ascending ? PE_IndicatorArrowUp : PE_IndicatorArrowDown, &arrow, painter, widget);
}

void SortIndicatorStyle::install()
{
    if (qobject_cast<SortIndicatorStyle *>(QApplication::style()))
        return;
    QApplication::setStyle(new SortIndicatorStyle(QApplication::style()->name()));
}

} // namespace cinetune::ui
