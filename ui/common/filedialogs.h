#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace cinetune::ui {

// Window-modal file dialogs that report through a callback instead of running a nested event loop.
// The callback runs only when the user chose something; `context` bounds its lifetime.
using PathCallback = std::function<void(const QString &path)>;

// What a file dialog is for. Each purpose remembers the folder last used for it (QSettings,
// "fileDialogs/<purpose>"); a dialog opened with a DialogStart starts there, else in the open
// project's folder (never the temporary folder of an untitled session), else in the home folder.
namespace filepurpose {
inline constexpr const char *Project = "project";
inline constexpr const char *Dataset = "dataset";
inline constexpr const char *GoldSet = "goldset";
inline constexpr const char *FineTuneData = "finetune";
inline constexpr const char *Export = "export";
inline constexpr const char *Chart = "chart";
inline constexpr const char *Report = "report";
} // namespace filepurpose

// Where a dialog for `purpose` starts, and the file name it suggests (save dialogs; may be empty).
struct DialogStart
{
    const char *purpose;
    QString fileName = {};
};

// The start-folder rule as a pure function: `remembered` when it is a folder, else `projectFolder`
// when it is one, else `home`. `isDir` tells whether a path is an existing folder.
QString chooseStartFolder(const QString &remembered, const QString &projectFolder, const QString &home,
                          const std::function<bool(const QString &)> &isDir);
// The folder a dialog for `purpose` starts in now (chooseStartFolder over the settings).
QString startFolder(const char *purpose);
// Remembers the folder of `chosenPath` (a file, or a folder for folder dialogs) for `purpose`.
void rememberFolder(const char *purpose, const QString &chosenPath);
// The folder of the open project; "" for an untitled session (the window keeps it current).
void setProjectFolder(const QString &folder);
QString projectFolder();

void askOpenFile(QWidget *context, const QString &title, const DialogStart &start, const QString &filter, PathCallback chosen);
void askDirectory(QWidget *context, const QString &title, const DialogStart &start, PathCallback chosen);
// Confirms overwriting an existing file; appends defaultSuffix when the name has none.
void askSaveFile(QWidget *context, const QString &title, const DialogStart &start, const QString &filter,
                 const QString &defaultSuffix, PathCallback chosen);

// The same with an explicit start folder (or file path for save dialogs); nothing is remembered.
void askOpenFile(QWidget *context, const QString &title, const QString &directory, const QString &filter, PathCallback chosen);
void askDirectory(QWidget *context, const QString &title, const QString &directory, PathCallback chosen);
void askSaveFile(QWidget *context, const QString &title, const QString &path, const QString &filter, const QString &defaultSuffix,
                 PathCallback chosen);

} // namespace cinetune::ui
