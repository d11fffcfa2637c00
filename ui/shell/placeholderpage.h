#pragma once

#include <QWidget>

namespace cinetune::ui {

// Stands in for a workflow step that a later version adds: its name and what it will do.
class PlaceholderPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderPage)

public:
    PlaceholderPage(const QString &title, const QString &description, QWidget *parent = nullptr);
};

} // namespace cinetune::ui
