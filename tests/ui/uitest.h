#pragma once
// Shared helpers for the GUI tests (header only; each tst_*.cpp is its own executable).

#include "core/common/appinfo.h"
#include "core/common/progress.h"
#include "core/dataset/datasetloader.h"
#include "ui/dataset/loadeddataset.h"

#include <QDir>
#include <QLocale>
#include <QStandardPaths>
#include <QString>
#include <QTest>

namespace uitest {

// Never touch the user's settings or caches; format numbers the same on every machine.
inline void prepare()
{
    QStandardPaths::setTestModeEnabled(true);
    cinetune::setApplicationIdentity();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

inline QString sourceDir()
{
    const QString dir = qEnvironmentVariable("CINETUNE_SOURCE_DIR");
    // Outside ctest: the repository this file lives in.
    return dir.isEmpty() ? QDir::cleanPath(QStringLiteral(__FILE__ "/../../..")) : dir;
}

inline QString samplePath()
{
    return sourceDir() + QStringLiteral("/resources/sample/ml-latest-small");
}

// The sample, loaded synchronously (for model tests that need no controller).
inline cinetune::ui::LoadedDatasetPtr loadSample(const QString &cacheDir)
{
    cinetune::LoadOptions options;
    options.cacheDir = cacheDir;
    cinetune::NullProgress progress;
    auto result = cinetune::loadDataset(samplePath(), options, progress);
    if (!result.ok()) {
        qWarning("sample failed to load: %s", qPrintable(result.error().message));
        return {};
    }
    return cinetune::ui::prepareLoadedDataset(std::move(result).value(), samplePath(), 0);
}

} // namespace uitest
