#pragma once

#include <QDialog>

namespace cinetune::ui {

// Name, version, Qt version, and the licences of CineTune and what it bundles.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // Everything the dialog says, as HTML (heading and body).
    QString text() const;

private:
    QString m_text;
};

} // namespace cinetune::ui
