#include "ui/shell/aboutdialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cinetune::ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About CineTune"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/cinetune.svg")).pixmap(72, 72));
    auto *heading = new QLabel(this);
    heading->setTextFormat(Qt::RichText);
    const QString headingText = QStringLiteral("<h2>CineTune</h2><p>%1<br>%2</p>")
                                    .arg(tr("Version %1").arg(QCoreApplication::applicationVersion().toHtmlEscaped()),
                                         tr("Large language models as movie recommenders: datasets, gold sets, "
                                            "fine-tuning and evaluation.")
                                             .toHtmlEscaped());
    heading->setText(headingText);
    heading->setWordWrap(true);

    m_text =
        QStringLiteral("<p>%1</p><h4>%2</h4><p>%3</p><h4>%4</h4><p>%5</p><p>%6</p>")
            .arg(tr("Built with Qt %1, running on Qt %2.").arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())),
                 tr("Licences"),
                 tr("CineTune's own code is © the CineTune authors and distributed under the terms "
                    "stated in its source repository."),
                 tr("Third-party components"),
                 tr("<b>Qt</b> %1 — The Qt Company Ltd and contributors, used under the GNU Lesser General "
                    "Public License version 3 (LGPL v3).")
                     .arg(QString::fromLatin1(qVersion())),
                 tr("<b>MovieLens ml-latest-small</b> sample dataset — GroupLens Research, University of "
                    "Minnesota, bundled for non-commercial research use under its licence (see its "
                    "README). Please cite: F. Maxwell Harper and Joseph A. Konstan. 2015. The "
                    "MovieLens Datasets: History and Context. ACM Transactions on Interactive "
                    "Intelligent Systems (TiiS) 5, 4: 19:1–19:19."));

    auto *body = new QTextBrowser(this);
    body->setObjectName(QStringLiteral("aboutText"));
    body->setOpenExternalLinks(true);
    body->setHtml(m_text);
    body->setMinimumSize(460, 240);
    m_text.prepend(headingText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(heading, 1);
    auto *l = new QVBoxLayout(this);
    l->addLayout(top);
    l->addWidget(body, 1);
    l->addWidget(buttons);
}

QString AboutDialog::text() const
{
    return m_text;
}

} // namespace cinetune::ui
