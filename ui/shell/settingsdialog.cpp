#include "ui/shell/settingsdialog.h"

#include "core/dataset/datasetcache.h"

#include "ui/shell/appsettings.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/shell/translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace cinetune::ui {

SettingsDialog::SettingsDialog(DatasetController *datasets, QWidget *parent)
    : QDialog(parent)
    , m_datasets(datasets)
    , m_language(new QComboBox(this))
    , m_languageNote(new QLabel(this))
    , m_threads(new QSpinBox(this))
    , m_cacheDir(new QLabel(this))
    , m_cacheStatus(new QLabel(this))
    , m_clearCache(new QPushButton(tr("Clear Dataset Cache"), this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    const QString systemLanguage = effectiveLanguage(QString());
    QString systemName;
    for (const Language &l : availableLanguages()) {
        if (l.code == systemLanguage)
            systemName = l.nativeName;
    }
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System (%1)").arg(systemName), QString());
    for (const Language &l : availableLanguages())
        m_language->addItem(l.nativeName, l.code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(AppSettings::language())));
    m_languageNote->setText(tr("The window switches to the new language when you press OK."));
    m_languageNote->setWordWrap(true);
    m_languageNote->setEnabled(false);

    m_threads->setObjectName(QStringLiteral("threadsSpin"));
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("Automatic (%1)").arg(QThread::idealThreadCount()));
    m_threads->setValue(AppSettings::loaderThreads());
    m_threads->setToolTip(tr("How many threads parse a dataset; more is faster on large files."));

    m_cacheDir->setObjectName(QStringLiteral("cacheDirLabel"));
    m_cacheDir->setText(QDir::toNativeSeparators(m_datasets->cacheDir()));
    m_cacheDir->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cacheDir->setWordWrap(true);
    m_cacheStatus->setObjectName(QStringLiteral("cacheStatus"));
    m_cacheStatus->setWordWrap(true);
    m_clearCache->setObjectName(QStringLiteral("clearCacheButton"));
    m_clearCache->setToolTip(tr("Delete the binary copies of datasets. The next load of each dataset "
                                "parses its files again."));

    auto *general = new QGroupBox(tr("General"), this);
    auto *gf = new QFormLayout(general);
    gf->addRow(tr("Language:"), m_language);
    gf->addRow(QString(), m_languageNote);

    auto *data = new QGroupBox(tr("Datasets"), this);
    auto *df = new QFormLayout(data);
    df->addRow(tr("Loader threads:"), m_threads);
    df->addRow(tr("Cache folder:"), m_cacheDir);
    auto *cacheRow = new QHBoxLayout;
    cacheRow->addWidget(m_cacheStatus, 1);
    cacheRow->addWidget(m_clearCache);
    df->addRow(QString(), cacheRow);

    auto *providers = new QGroupBox(tr("Providers"), this);
    auto *pl = new QHBoxLayout(providers);
    auto *providersNote = new QLabel(tr("Accounts for fine-tuning and evaluation (OpenAI, Azure OpenAI, Together AI, "
                                        "local servers, the offline simulator)."),
                                     providers);
    providersNote->setWordWrap(true);
    auto *providersButton = new QPushButton(tr("Providers…"), providers);
    providersButton->setObjectName(QStringLiteral("providersButton"));
    connect(providersButton, &QPushButton::clicked, this, &SettingsDialog::providersRequested);
    pl->addWidget(providersNote, 1);
    pl->addWidget(providersButton);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_clearCache, &QPushButton::clicked, this, [this] {
        m_clearCache->setEnabled(false);
        m_cacheStatus->setText(tr("Clearing…"));
        m_datasets->clearCache();
    });
    connect(m_datasets, &DatasetController::cacheCleared, this, &SettingsDialog::onCacheCleared);

    auto *l = new QVBoxLayout(this);
    l->addWidget(general);
    l->addWidget(data);
    l->addWidget(providers);
    l->addStretch(1);
    l->addWidget(buttons);
    setMinimumWidth(520);
    refreshCacheSize();
}

void SettingsDialog::refreshCacheSize()
{
    // The cache holds a few files per dataset: listing it is cheap. Only CineTune's own cache
    // files count (they are what "Clear" deletes).
    qint64 bytes = 0;
    const auto files = QDir(m_datasets->cacheDir()).entryInfoList(cacheFilePatterns(), QDir::Files);
    for (const QFileInfo &fi : files)
        bytes += fi.size();
    m_cacheStatus->setText(bytes == 0 ? tr("The cache is empty.") : tr("In use: %1").arg(QLocale().formattedDataSize(bytes)));
    m_clearCache->setEnabled(bytes > 0);
}

void SettingsDialog::onCacheCleared(bool ok, const QString &message)
{
    refreshCacheSize();
    if (!ok || !message.isEmpty())
        m_cacheStatus->setText(message);
}

void SettingsDialog::accept()
{
    const QString language = m_language->currentData().toString();
    const bool changed = effectiveLanguage(language) != effectiveLanguage(AppSettings::language());
    AppSettings::setLanguage(language);
    AppSettings::setLoaderThreads(m_threads->value());
    QDialog::accept();
    if (changed)
        Q_EMIT languageChanged(language);
}

} // namespace cinetune::ui
