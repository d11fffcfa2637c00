#pragma once

#include <QComboBox>

namespace cinetune::ui {

// A combo box that never asks for the width of its longest entry: it is as wide as its layout
// gives it (at least `minimumChars` characters), draws a long current entry elided in the middle
// and shows it in full in its tooltip. Editable boxes scroll their text instead of eliding it.
class ElidingComboBox final : public QComboBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidingComboBox)

public:
    explicit ElidingComboBox(int minimumChars = 12, QWidget *parent = nullptr);

    // What the tooltip says under the current entry (use instead of setToolTip()).
    void setHelp(const QString &help);
    // The text drawn in the box (elided when the entry does not fit); tests.
    QString shownText() const;

    // As wide as `minimumChars` characters, whatever the entries or the placeholder text say.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateToolTip();
    QSize capped(QSize size) const;

    QString m_help;
};

} // namespace cinetune::ui
