#pragma once

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QApplication;

namespace cinetune::ui {

// Loads CineTune's and Qt's translations for the language in the settings (default: the system's).
void installTranslations(QApplication &app);

// Builds the main window and starts what the arguments ask for: a .cinetune project or a dataset
// file/folder; without one, the most recent project, else the embedded sample dataset (loaded in
// the background). The hidden --screenshot-dir=DIR argument (or CINETUNE_SCREENSHOT_DIR) makes the
// window capture every step into DIR and quit.
std::unique_ptr<QMainWindow> createMainWindow(const QStringList &args);

} // namespace cinetune::ui
