#include "ui/common/elidingcombobox.h"

#include <QLineEdit>
#include <QStyleOptionComboBox>
#include <QStylePainter>

#include <algorithm>

namespace cinetune::ui {

ElidingComboBox::ElidingComboBox(int minimumChars, QWidget *parent)
    : QComboBox(parent)
{
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(minimumChars);
    connect(this, &QComboBox::currentTextChanged, this, [this] {
        updateToolTip();
        // An editable box shows the start of a long entry (a model id's family), not its end.
        if (QLineEdit *edit = lineEdit(); edit && !edit->hasFocus())
            edit->setCursorPosition(0);
    });
}

void ElidingComboBox::setHelp(const QString &help)
{
    m_help = help;
    updateToolTip();
}

QString ElidingComboBox::shownText() const
{
    if (isEditable())
        return currentText();
    const QString text = currentIndex() < 0 ? placeholderText() : currentText();
    QStyleOptionComboBox opt;
    initStyleOption(&opt);
    const QRect field = style()->subControlRect(QStyle::CC_ComboBox, &opt, QStyle::SC_ComboBoxEditField, this);
    return fontMetrics().elidedText(text, Qt::ElideMiddle, std::max(0, field.width() - 2));
}

QSize ElidingComboBox::capped(QSize size) const
{
    // QComboBox widens itself for a long placeholder text even when adjusting to the minimum
    // contents length; the placeholder is elided like any entry instead.
    QStyleOptionComboBox opt;
    initStyleOption(&opt);
    const QFontMetrics &fm = fontMetrics();
    const QSize text(minimumContentsLength() * fm.horizontalAdvance(QLatin1Char('X')) + iconSize().width() + 4, fm.height());
    size.setWidth(std::min(size.width(), style()->sizeFromContents(QStyle::CT_ComboBox, &opt, text, this).width()));
    return size;
}

QSize ElidingComboBox::sizeHint() const
{
    return capped(QComboBox::sizeHint());
}

QSize ElidingComboBox::minimumSizeHint() const
{
    return capped(QComboBox::minimumSizeHint());
}

void ElidingComboBox::paintEvent(QPaintEvent *event)
{
    updateToolTip(); // entries changed with signals blocked did not say so
    if (isEditable()) {
        QComboBox::paintEvent(event);
        return;
    }
    // QComboBox::paintEvent, with the current text elided instead of clipped.
    QStylePainter painter(this);
    painter.setPen(palette().color(QPalette::Text));
    QStyleOptionComboBox opt;
    initStyleOption(&opt);
    painter.drawComplexControl(QStyle::CC_ComboBox, opt);
    if (currentIndex() < 0 && !placeholderText().isEmpty())
        opt.palette.setBrush(QPalette::ButtonText, opt.palette.placeholderText());
    opt.currentText = shownText();
    painter.drawControl(QStyle::CE_ComboBoxLabel, opt);
}

void ElidingComboBox::updateToolTip()
{
    // The full entry first (it may be elided in the box), then what the box is for.
    const QString full = currentIndex() < 0 && !isEditable() ? placeholderText() : currentText();
    const QString tip = full.isEmpty() ? m_help : (m_help.isEmpty() ? full : full + QStringLiteral("\n") + m_help);
    if (tip != toolTip())
        setToolTip(tip);
}

} // namespace cinetune::ui
