#include "ui/common/filedialogs.h"

#include <QFileDialog>

namespace cinetune::ui {

namespace {

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

} // namespace

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
