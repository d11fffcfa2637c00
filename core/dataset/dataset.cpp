#include "core/dataset/dataset.h"

#include <QCoreApplication>

namespace cinetune {

QString LoadNote::text() const
{
    if (source.isEmpty())
        return args.value(0);
    const QByteArray utf8 = source.toUtf8();
    QString out = QCoreApplication::translate("cinetune", utf8.constData(), nullptr, n);
    for (const QString &a : args)
        out = out.arg(a);
    return out;
}

QStringList loadNoteTexts(const QList<LoadNote> &notes)
{
    QStringList out;
    out.reserve(notes.size());
    for (const LoadNote &note : notes)
        out << note.text();
    return out;
}

} // namespace cinetune
