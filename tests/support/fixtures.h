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

} // namespace cinetune::test
