#include "ui/common/chartstyle.h"

#include <QChart>
#include <QFont>
#include <QLocale>

namespace cinetune::ui::chartstyle {

void apply(QChart *chart)
{
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true); // "30,000" / "30.000" on the axes
    QFont f = chart->titleFont();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.05);
    chart->setTitleFont(f);
}

} // namespace cinetune::ui::chartstyle
