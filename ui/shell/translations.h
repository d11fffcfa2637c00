#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QCoreApplication;

namespace cinetune::ui {

struct Language
{
    QString code;       // "en", "de"
    QString nativeName; // "English", "Deutsch"
};

// The languages CineTune ships (English is the source language).
QList<Language> availableLanguages();

// The language to use: the setting when it names a shipped language, else the first shipped
// language among the system's UI languages, else English.
QString effectiveLanguage(const QString &setting, const QLocale &system = QLocale::system());

// Installs CineTune's and Qt's own translators for `language` (replacing ones installed before by
// this function) and makes QLocale's default follow it. Returns false when CineTune's
// translation for a non-English language could not be loaded.
bool installTranslators(QCoreApplication &app, const QString &language);

// The language installTranslators() installed last ("en" before any).
QString installedLanguage();

// The file CineTune's installed translator was loaded from (an installed path or ":/i18n/…"),
// empty for English or when none is installed.
QString loadedTranslationFile();

} // namespace cinetune::ui
