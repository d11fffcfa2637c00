#include "ui/shell/placeholderpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cinetune::ui {

PlaceholderPage::PlaceholderPage(const QString &title, const QString &description, QWidget *parent)
    : QWidget(parent)
{
    auto *heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("placeholderTitle"));
    QFont hf = heading->font();
    hf.setPointSizeF(hf.pointSizeF() * 1.5);
    hf.setBold(true);
    heading->setFont(hf);

    auto *status = new QLabel(tr("Not available yet"), this);
    status->setObjectName(QStringLiteral("placeholderStatus"));
    QFont sf = status->font();
    sf.setPointSizeF(sf.pointSizeF() * 1.15);
    status->setFont(sf);
    QPalette pal = status->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    status->setPalette(pal);

    auto *text = new QLabel(description, this);
    text->setObjectName(QStringLiteral("placeholderDescription"));
    text->setWordWrap(true);
    text->setMaximumWidth(640);
    text->setTextFormat(Qt::PlainText);

    auto *note = new QLabel(tr("This step arrives in a later version of CineTune. The Dataset step is ready to use."), this);
    note->setWordWrap(true);
    note->setMaximumWidth(640);
    note->setPalette(pal);

    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(24, 20, 24, 20);
    l->addWidget(heading);
    l->addWidget(status);
    l->addSpacing(12);
    l->addWidget(text);
    l->addSpacing(8);
    l->addWidget(note);
    l->addStretch(1);
}

} // namespace cinetune::ui
