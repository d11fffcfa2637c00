#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace cinetune::ui {

// An inline message shown where the user acted: a bold headline, the details (what went wrong and
// what to do) and a close button. Errors are red-tinted, notes neutral.
class MessageBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)

public:
    enum class Kind {
        Error,
        Information
    };

    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &headline, const QString &details);
    QString headline() const;
    QString details() const;
    // headline + details, for tests and accessibility.
    QString text() const;

private:
    QLabel *m_icon;
    QLabel *m_headline;
    QLabel *m_details;
    QToolButton *m_close;
};

} // namespace cinetune::ui
