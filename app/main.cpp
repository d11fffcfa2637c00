// CineTune entry point: a headless command when the first argument names one, else the GUI.
#include "cli/cli.h"
#include "appsetup.h"
#include "common/appinfo.h"
#include "results/reportcommand.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    // The report renders charts, which needs a (widget) application but never a display.
    if (cinetune::ui::isReportCommand(args)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        cinetune::setApplicationIdentity();
        QTextStream out(stdout);
        QTextStream err(stderr);
        const int code = cinetune::ui::runReportCommand(args, out, err);
        out.flush();
        err.flush();
        return code;
    }

    if (cinetune::cli::isCliCommand(args)) {
        QCoreApplication app(argc, argv);
        cinetune::setApplicationIdentity();
        QTextStream out(stdout);
        QTextStream err(stderr);
        const int code = cinetune::cli::run(args, out, err);
        out.flush();
        err.flush();
        return code;
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
