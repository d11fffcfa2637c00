// CineTune entry point: a headless command when the first argument names one, else the GUI.
#include "app/cli/cli.h"
#include "ui/shell/appsetup.h"
#include "core/common/appinfo.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace {

template<typename Application>
int runCommand(int &argc, char **argv, const QStringList &args)
{
    Application app(argc, argv);
    cinetune::setApplicationIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = cinetune::cli::run(args, out, err);
    out.flush();
    err.flush();
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    if (cinetune::cli::isCliCommand(args)) {
        // A command that renders charts (report) needs a widget application, never a display.
        if (cinetune::cli::needsWidgets(args)) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            return runCommand<QApplication>(argc, argv, args);
        }
        return runCommand<QCoreApplication>(argc, argv, args);
    }

    // A mistyped command is not a file to open: a usage error, before any window or display.
    if (const QString error = cinetune::cli::unknownCommandError(args); !error.isEmpty()) {
        QCoreApplication app(argc, argv);
        QTextStream err(stderr);
        err << error;
        err.flush();
        return cinetune::cli::UsageError;
    }

    QApplication app(argc, argv);
    cinetune::setApplicationIdentity();
    cinetune::ui::installTranslations(app);
    auto window = cinetune::ui::createMainWindow(args);
    window->show();
    return app.exec();
}
