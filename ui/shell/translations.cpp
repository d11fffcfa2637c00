#include "ui/shell/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

#include <algorithm>

namespace cinetune::ui {

namespace {
QPointer<QTranslator> g_appTranslator;
QPointer<QTranslator> g_qtTranslator;
QString g_language = QStringLiteral("en");

void removeInstalled()
{
    for (QPointer<QTranslator> *t : {&g_appTranslator, &g_qtTranslator}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete t->data();
        }
    }
}
} // namespace

QList<Language> availableLanguages()
{
    return {{QStringLiteral("en"), QStringLiteral("English")}, {QStringLiteral("de"), QStringLiteral("Deutsch")}};
}

QString effectiveLanguage(const QString &setting, const QLocale &system)
{
    const QList<Language> shipped = availableLanguages();
    auto isShipped = [&shipped](const QString &code) {
        return std::any_of(shipped.begin(), shipped.end(), [&code](const Language &l) { return l.code == code; });
    };
    if (isShipped(setting))
        return setting;
    for (const QString &ui : system.uiLanguages()) {
        const QString code = ui.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (isShipped(code))
            return code;
    }
    return QStringLiteral("en");
}

bool installTranslators(QCoreApplication &app, const QString &language)
{
    removeInstalled();
    const QLocale system = QLocale::system();
    const QLocale locale = system.name().startsWith(language) ? system : QLocale(language);
    QLocale::setDefault(locale);
    g_language = language;
    if (language == QLatin1String("en"))
        return true;

    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        g_qtTranslator = qt;
    } else {
        delete qt;
    }

    // An installed package's catalogues (<prefix>/share/cinetune/translations, beside <prefix>/bin)
    // come first; the copy embedded at build time is the fallback (a build tree, a moved binary).
    auto *own = new QTranslator(&app);
    const QString name = QStringLiteral("cinetune_") + language;
    const QString installed = QCoreApplication::applicationDirPath() + QStringLiteral("/../share/cinetune/translations");
    if (!(QDir(installed).exists() && own->load(name, installed)) && !own->load(name, QStringLiteral(":/i18n"))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    g_appTranslator = own;
    return true;
}

QString installedLanguage()
{
    return g_language;
}

QString loadedTranslationFile()
{
    return g_appTranslator ? g_appTranslator->filePath() : QString();
}

} // namespace cinetune::ui
