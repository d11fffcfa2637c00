#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace cinetune::test {

// Writes `bytes` to dir/name (creating sub-folders); returns the absolute path.
inline QString writeFile(const QString &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = QDir(dir).filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write fixture %s", qPrintable(path));
    f.write(bytes);
    return QFileInfo(path).absoluteFilePath();
}

// The repository's root (set by CTest), for the embedded sample dataset.
inline QString sourceDir()
{
    return qEnvironmentVariable("CINETUNE_SOURCE_DIR");
}

// A file copy of the embedded sample (ml-latest-small) in dir/name; returns the folder. Loading a
// copy writes a binary cache, and a test may change or truncate it.
inline QString copySample(const QString &dir, const QString &name = QStringLiteral("ds"))
{
    const QString target = QDir(dir).filePath(name);
    QDir().mkpath(target);
    const QString sample = sourceDir() + QStringLiteral("/resources/sample/ml-latest-small");
    for (const QString &file : QDir(sample).entryList(QDir::Files)) {
        if (!QFile::copy(sample + QLatin1Char('/') + file, target + QLatin1Char('/') + file))
            qFatal("cannot copy the sample to %s", qPrintable(target));
    }
    return target;
}

} // namespace cinetune::test
