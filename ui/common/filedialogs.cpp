#include "ui/common/filedialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>

namespace cinetune::ui {

namespace {

QString g_projectFolder;

QString settingsKey(const char *purpose)
{
    return QStringLiteral("fileDialogs/") + QLatin1String(purpose);
}

void run(QFileDialog *dialog, QWidget *context, PathCallback chosen)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    QObject::connect(dialog, &QFileDialog::fileSelected, context, [chosen = std::move(chosen)](const QString &path) {
        if (!path.isEmpty())
            chosen(path);
    });
    dialog->open();
}

// Remembers the chosen folder for the purpose, then hands the path on.
PathCallback remembering(const char *purpose, PathCallback chosen)
{
    return [purpose, chosen = std::move(chosen)](const QString &path) {
        rememberFolder(purpose, path);
        chosen(path);
    };
}

QString startPath(const DialogStart &start)
{
    const QString folder = startFolder(start.purpose);
    return start.fileName.isEmpty() ? folder : QDir(folder).filePath(start.fileName);
}

} // namespace

QString chooseStartFolder(const QString &remembered, const QString &projectFolder, const QString &home,
                          const std::function<bool(const QString &)> &isDir)
{
    if (!remembered.isEmpty() && isDir(remembered))
        return remembered;
    if (!projectFolder.isEmpty() && isDir(projectFolder))
        return projectFolder;
    return home;
}

QString startFolder(const char *purpose)
{
    return chooseStartFolder(QSettings().value(settingsKey(purpose)).toString(), g_projectFolder, QDir::homePath(),
                             [](const QString &path) { return QFileInfo(path).isDir(); });
}

void rememberFolder(const char *purpose, const QString &chosenPath)
{
    const QFileInfo info(chosenPath);
    const QString folder = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    QSettings().setValue(settingsKey(purpose), QDir::cleanPath(folder));
}

void setProjectFolder(const QString &folder)
{
    g_projectFolder = folder;
}

QString projectFolder()
{
    return g_projectFolder;
}

void askOpenFile(QWidget *context, const QString &title, const DialogStart &start, const QString &filter, PathCallback chosen)
{
    askOpenFile(context, title, startPath(start), filter, remembering(start.purpose, std::move(chosen)));
}

void askDirectory(QWidget *context, const QString &title, const DialogStart &start, PathCallback chosen)
{
    askDirectory(context, title, startPath(start), remembering(start.purpose, std::move(chosen)));
}

void askSaveFile(QWidget *context, const QString &title, const DialogStart &start, const QString &filter,
                 const QString &defaultSuffix, PathCallback chosen)
{
    askSaveFile(context, title, startPath(start), filter, defaultSuffix, remembering(start.purpose, std::move(chosen)));
}

void askOpenFile(QWidget *context, const QString &title, const QString &directory, const QString &filter, PathCallback chosen)
{
    auto *dialog = new QFileDialog(context, title, directory, filter);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    run(dialog, context, std::move(chosen));
}

void askDirectory(QWidget *context, const QString &title, const QString &directory, PathCallback chosen)
{
    auto *dialog = new QFileDialog(context, title, directory);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly, true);
    run(dialog, context, std::move(chosen));
}

void askSaveFile(QWidget *context, const QString &title, const QString &path, const QString &filter, const QString &defaultSuffix,
                 PathCallback chosen)
{
    auto *dialog = new QFileDialog(context, title, path, filter);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setDefaultSuffix(defaultSuffix);
    run(dialog, context, std::move(chosen));
}

} // namespace cinetune::ui
