#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace cinetune::ui {

// Window-modal file dialogs that report through a callback instead of running a nested event loop.
// The callback runs only when the user chose something; `context` bounds its lifetime.
using PathCallback = std::function<void(const QString &path)>;

void askOpenFile(QWidget *context, const QString &title, const QString &directory, const QString &filter, PathCallback chosen);
void askDirectory(QWidget *context, const QString &title, const QString &directory, PathCallback chosen);
// Confirms overwriting an existing file; appends defaultSuffix when the name has none.
void askSaveFile(QWidget *context, const QString &title, const QString &path, const QString &filter, const QString &defaultSuffix,
                 PathCallback chosen);

} // namespace cinetune::ui
