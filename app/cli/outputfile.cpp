#include "app/cli/outputfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace cinetune::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune-cli", s);
}

bool sameFile(const QString &a, const QString &b)
{
#ifdef Q_OS_UNIX
    struct stat sa
    {};
    struct stat sb
    {};
    if (::stat(QFile::encodeName(a).constData(), &sa) == 0 && ::stat(QFile::encodeName(b).constData(), &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
#endif
    const QString ca = QFileInfo(a).canonicalFilePath();
    return !ca.isEmpty() && ca == QFileInfo(b).canonicalFilePath();
}

} // namespace

Status checkOutputPath(const QString &output, const QStringList &inputs)
{
    const QFileInfo out(output);
    if (!out.exists())
        return Ok{}; // a new file replaces nothing (a dangling symbolic link included)
    const QString outCanonical = out.canonicalFilePath();
    for (const QString &input : inputs) {
        if (input.isEmpty() || input.startsWith(QLatin1Char(':')))
            continue; // embedded resources (:sample) are never written
        const QFileInfo in(input);
        if (!in.exists())
            continue;
        bool clash = false;
        if (in.isDir()) {
            const QString dir = in.canonicalFilePath();
            clash = !dir.isEmpty() && !outCanonical.isEmpty() && outCanonical.startsWith(dir + QLatin1Char('/'));
        } else {
            clash = sameFile(output, input);
        }
        if (clash)
            return makeError(errc::Cli::OutputIsInput,
                             tr("--out %1 would overwrite the input %2; choose another output file")
                                 .arg(QDir::toNativeSeparators(output), QDir::toNativeSeparators(input)));
    }
    return Ok{};
}

Status writeOutputFile(const QString &output, const QByteArray &bytes, const QStringList &inputs)
{
    if (Status s = checkOutputPath(output, inputs); !s)
        return s;
    const QString name = QDir::toNativeSeparators(output);
    QSaveFile f(output);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(errc::Cli::WriteFailed, tr("Cannot write %1: %2").arg(name, f.errorString()));
    if (f.write(bytes) != bytes.size()) {
        const QString why = f.errorString();
        f.cancelWriting();
        return makeError(errc::Cli::WriteFailed, tr("Cannot write %1: %2").arg(name, why));
    }
    if (!f.commit())
        return makeError(errc::Cli::WriteFailed, tr("Cannot write %1: %2").arg(name, f.errorString()));
    return Ok{};
}

Status checkOutputFolder(const QString &folder, bool force)
{
    const QFileInfo info(folder);
    if (!info.exists())
        return Ok{};
    if (!info.isDir())
        return makeError(errc::Cli::OutputNotFolder,
                         tr("--out %1 is a file, not a folder").arg(QDir::toNativeSeparators(folder)));
    if (force)
        return Ok{};
    const QStringList entries = QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    if (!entries.isEmpty())
        return makeError(errc::Cli::OutputNotEmpty,
                         tr("--out %1 is not empty (%2 entries, e.g. %3); choose an empty or new folder, or give --force "
                            "to overwrite its files")
                             .arg(QDir::toNativeSeparators(folder))
                             .arg(entries.size())
                             .arg(entries.first()));
    return Ok{};
}

} // namespace cinetune::cli
