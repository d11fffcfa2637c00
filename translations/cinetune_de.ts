<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>cinetune</name>
    <message>
        <source>%1: cannot create the cache folder</source>
        <translation>%1: Der Cache-Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1: cannot write the dataset cache: %2</source>
        <translation>%1: Der Datensatz-Cache kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>no cache file</source>
        <translation>keine Cache-Datei</translation>
    </message>
    <message>
        <source>not a CineTune dataset cache</source>
        <translation>kein Datensatz-Cache von CineTune</translation>
    </message>
    <message>
        <source>cache version differs</source>
        <translation>andere Cache-Version</translation>
    </message>
    <message>
        <source>damaged cache</source>
        <translation>beschädigter Cache</translation>
    </message>
    <message>
        <source>cache belongs to other files</source>
        <translation>der Cache gehört zu anderen Dateien</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Das Laden wurde abgebrochen.</translation>
    </message>
    <message>
        <source>No titles file was found next to the ratings; movies are titled &quot;Movie &lt;id&gt;&quot;.</source>
        <translation>Neben den Bewertungen wurde keine Titeldatei gefunden; die Filme heißen „Movie &lt;id&gt;“.</translation>
    </message>
    <message>
        <source>Parsing ratings</source>
        <translation>Bewertungen werden eingelesen</translation>
    </message>
    <message>
        <source>%1:%2: expected %3, found %4</source>
        <translation>%1:%2: erwartet wurde %3, gefunden %4</translation>
    </message>
    <message>
        <source>%1: the dataset holds no ratings</source>
        <translation>%1: Der Datensatz enthält keine Bewertungen</translation>
    </message>
    <message>
        <source>%1 ratings of %2 movies missing from the titles file were kept; those movies are titled &quot;Movie &lt;id&gt;&quot;.</source>
        <translation>%1 Bewertungen von %2 Filmen, die in der Titeldatei fehlen, wurden behalten; diese Filme heißen „Movie &lt;id&gt;“.</translation>
    </message>
    <message>
        <source>%1 duplicate (user, movie) ratings; the latest of each was kept.</source>
        <translation>%1 doppelte Bewertungen (Nutzer, Film); jeweils die neueste wurde behalten.</translation>
    </message>
    <message>
        <source>%1 lines end in CRLF (accepted).</source>
        <translation>%1 Zeilen enden mit CRLF (akzeptiert).</translation>
    </message>
    <message>
        <source>%1 rating file(s) begin with a UTF-8 byte order mark (accepted).</source>
        <translation>%1 Bewertungsdatei(en) beginnen mit einer UTF-8-Bytereihenfolgemarke (akzeptiert).</translation>
    </message>
    <message>
        <source>Computing statistics</source>
        <translation>Statistiken werden berechnet</translation>
    </message>
    <message>
        <source>Opening the dataset cache</source>
        <translation>Datensatz-Cache wird geöffnet</translation>
    </message>
    <message>
        <source>Writing the dataset cache</source>
        <translation>Datensatz-Cache wird geschrieben</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>Geladen</translation>
    </message>
    <message>
        <source>Not enough memory to load %1.</source>
        <translation>Nicht genug Arbeitsspeicher, um %1 zu laden.</translation>
    </message>
    <message>
        <source>Netflix Prize (Kaggle combined_data files)</source>
        <translation>Netflix Prize (Kaggle-Dateien combined_data)</translation>
    </message>
    <message>
        <source>Netflix Prize (original training_set folder)</source>
        <translation>Netflix Prize (ursprünglicher Ordner training_set)</translation>
    </message>
    <message>
        <source>MovieLens CSV (ratings.csv + movies.csv)</source>
        <translation>MovieLens CSV (ratings.csv + movies.csv)</translation>
    </message>
    <message>
        <source>MovieLens 1M (ratings.dat + movies.dat)</source>
        <translation>MovieLens 1M (ratings.dat + movies.dat)</translation>
    </message>
    <message>
        <source>MovieLens 100K (u.data + u.item)</source>
        <translation>MovieLens 100K (u.data + u.item)</translation>
    </message>
    <message>
        <source>The embedded sample dataset could not be extracted.</source>
        <translation>Der eingebettete Beispieldatensatz konnte nicht entpackt werden.</translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1: Datei oder Ordner existiert nicht</translation>
    </message>
    <message>
        <source>%1: no dataset found. Expected combined_data_*.txt (Netflix Prize, Kaggle), training_set/mv_*.txt (Netflix Prize), ratings.csv (MovieLens), ratings.dat (MovieLens 1M) or u.data (MovieLens 100K).</source>
        <translation>%1: Kein Datensatz gefunden. Erwartet wurden combined_data_*.txt (Netflix Prize, Kaggle), training_set/mv_*.txt (Netflix Prize), ratings.csv (MovieLens), ratings.dat (MovieLens 1M) oder u.data (MovieLens 100K).</translation>
    </message>
    <message>
        <source>%1: a titles file alone is not a dataset; open the folder with the rating files.</source>
        <translation>%1: Eine Titeldatei allein ist kein Datensatz; öffnen Sie den Ordner mit den Bewertungsdateien.</translation>
    </message>
    <message>
        <source>%1: unknown dataset file. Open combined_data_*.txt, mv_*.txt, ratings.csv, ratings.dat, u.data, or the folder that holds them.</source>
        <translation>%1: Unbekannte Datensatz-Datei. Öffnen Sie combined_data_*.txt, mv_*.txt, ratings.csv, ratings.dat, u.data oder den Ordner, der sie enthält.</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei existiert nicht</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1: not a regular file</source>
        <translation>%1: keine normale Datei</translation>
    </message>
    <message>
        <source>%1: cannot map: %2</source>
        <translation>%1: kann nicht in den Speicher abgebildet werden: %2</translation>
    </message>
    <message>
        <source>a movie header such as &quot;1:&quot;</source>
        <translation>eine Filmkopfzeile wie „1:“</translation>
    </message>
    <message>
        <source>a customer ID</source>
        <translation>eine Kunden-ID</translation>
    </message>
    <message>
        <source>end of line after the movie header</source>
        <translation>das Zeilenende nach der Filmkopfzeile</translation>
    </message>
    <message>
        <source>a movie ID of 1 or more</source>
        <translation>eine Film-ID ab 1</translation>
    </message>
    <message>
        <source>&apos;,&apos; after the customer ID</source>
        <translation>„,“ nach der Kunden-ID</translation>
    </message>
    <message>
        <source>a rating from 1 to 5</source>
        <translation>eine Bewertung von 1 bis 5</translation>
    </message>
    <message>
        <source>&apos;,&apos; after the rating</source>
        <translation>„,“ nach der Bewertung</translation>
    </message>
    <message>
        <source>a date YYYY-MM-DD between 1970 and 2149</source>
        <translation>ein Datum JJJJ-MM-TT zwischen 1970 und 2149</translation>
    </message>
    <message>
        <source>end of line after the date</source>
        <translation>das Zeilenende nach dem Datum</translation>
    </message>
    <message>
        <source>a tab</source>
        <translation>ein Tabulator</translation>
    </message>
    <message>
        <source>the header line &quot;userId,movieId,rating,timestamp&quot;</source>
        <translation>die Kopfzeile „userId,movieId,rating,timestamp“</translation>
    </message>
    <message>
        <source>end of line after the header</source>
        <translation>das Zeilenende nach der Kopfzeile</translation>
    </message>
    <message>
        <source>a rating line</source>
        <translation>eine Bewertungszeile</translation>
    </message>
    <message>
        <source>a user ID</source>
        <translation>eine Nutzer-ID</translation>
    </message>
    <message>
        <source>%1 after the user ID</source>
        <translation>%1 nach der Nutzer-ID</translation>
    </message>
    <message>
        <source>a movie ID</source>
        <translation>eine Film-ID</translation>
    </message>
    <message>
        <source>%1 after the movie ID</source>
        <translation>%1 nach der Film-ID</translation>
    </message>
    <message>
        <source>a rating from 0.5 to 5 in half stars</source>
        <translation>eine Bewertung von 0,5 bis 5 in halben Sternen</translation>
    </message>
    <message>
        <source>%1 after the rating</source>
        <translation>%1 nach der Bewertung</translation>
    </message>
    <message>
        <source>a Unix timestamp</source>
        <translation>ein Unix-Zeitstempel</translation>
    </message>
    <message>
        <source>end of line after the timestamp</source>
        <translation>das Zeilenende nach dem Zeitstempel</translation>
    </message>
    <message>
        <source>end of file</source>
        <translation>das Dateiende</translation>
    </message>
    <message>
        <source>end of line</source>
        <translation>das Zeilenende</translation>
    </message>
    <message>
        <source>Indexing users</source>
        <translation>Nutzer werden indiziert</translation>
    </message>
    <message>
        <source>Movie %1</source>
        <translation>Movie %1</translation>
    </message>
    <message>
        <source>The dataset has more than %1 users or movies.</source>
        <translation>Der Datensatz hat mehr als %1 Nutzer oder Filme.</translation>
    </message>
    <message>
        <source>Building the movie index</source>
        <translation>Filmindex wird aufgebaut</translation>
    </message>
    <message>
        <source>Checking for duplicate ratings</source>
        <translation>Doppelte Bewertungen werden gesucht</translation>
    </message>
    <message>
        <source>Building the user index</source>
        <translation>Nutzerindex wird aufgebaut</translation>
    </message>
    <message>
        <source>Index built</source>
        <translation>Index aufgebaut</translation>
    </message>
    <message>
        <source>%1 begins with a UTF-8 byte order mark (accepted)</source>
        <translation>%1 beginnt mit einer UTF-8-Bytereihenfolgemarke (akzeptiert)</translation>
    </message>
    <message>
        <source>&apos;,&apos; after the movie ID</source>
        <translation>„,“ nach der Film-ID</translation>
    </message>
    <message>
        <source>a year or NULL</source>
        <translation>ein Jahr oder NULL</translation>
    </message>
    <message>
        <source>&apos;,&apos; after the year</source>
        <translation>„,“ nach dem Jahr</translation>
    </message>
    <message>
        <source>a title</source>
        <translation>ein Titel</translation>
    </message>
    <message>
        <source>the header line &quot;movieId,title,genres&quot;</source>
        <translation>die Kopfzeile „movieId,title,genres“</translation>
    </message>
    <message>
        <source>a closing &apos;&quot;&apos; of the quoted title</source>
        <translation>ein schließendes „&quot;“ des Titels in Anführungszeichen</translation>
    </message>
    <message>
        <source>&apos;,&apos; after the title</source>
        <translation>„,“ nach dem Titel</translation>
    </message>
    <message>
        <source>&apos;::&apos; after the movie ID</source>
        <translation>„::“ nach der Film-ID</translation>
    </message>
    <message>
        <source>&apos;::&apos; after the title</source>
        <translation>„::“ nach dem Titel</translation>
    </message>
    <message>
        <source>&apos;|&apos; after the movie ID</source>
        <translation>„|“ nach der Film-ID</translation>
    </message>
    <message>
        <source>&apos;|&apos; after the title</source>
        <translation>„|“ nach dem Titel</translation>
    </message>
    <message>
        <source>listing models</source>
        <translation>beim Auflisten der Modelle</translation>
    </message>
    <message>
        <source>uploading the file</source>
        <translation>beim Hochladen der Datei</translation>
    </message>
    <message>
        <source>checking the uploaded file</source>
        <translation>beim Prüfen der hochgeladenen Datei</translation>
    </message>
    <message>
        <source>creating the fine-tuning job</source>
        <translation>beim Anlegen des Feinabstimmungsauftrags</translation>
    </message>
    <message>
        <source>reading the fine-tuning job</source>
        <translation>beim Lesen des Feinabstimmungsauftrags</translation>
    </message>
    <message>
        <source>listing fine-tuning jobs</source>
        <translation>beim Auflisten der Feinabstimmungsaufträge</translation>
    </message>
    <message>
        <source>cancelling the job</source>
        <translation>beim Abbrechen des Auftrags</translation>
    </message>
    <message>
        <source>reading the job&apos;s events</source>
        <translation>beim Lesen der Ereignisse des Auftrags</translation>
    </message>
    <message>
        <source>reading the job&apos;s checkpoints</source>
        <translation>beim Lesen der Checkpoints des Auftrags</translation>
    </message>
    <message>
        <source>reading the job&apos;s metrics</source>
        <translation>beim Lesen der Metriken des Auftrags</translation>
    </message>
    <message>
        <source>asking the model</source>
        <translation>beim Befragen des Modells</translation>
    </message>
    <message>
        <source>%1 rejected the API key while %2 (HTTP 401). Check the key in Settings → Providers or the environment variable, and that it belongs to this organization or resource.</source>
        <translation>%1 hat den API-Schlüssel %2 abgelehnt (HTTP 401). Prüfen Sie den Schlüssel unter Einstellungen → Anbieter oder in der Umgebungsvariable und ob er zu dieser Organisation oder Ressource gehört.</translation>
    </message>
    <message>
        <source>%1 refused %2 (HTTP 403): %3</source>
        <translation>%1 verweigerte den Zugriff %2 (HTTP 403): %3</translation>
    </message>
    <message>
        <source>no permission</source>
        <translation>keine Berechtigung</translation>
    </message>
    <message>
        <source>%1 does not know the model &quot;%2&quot; (HTTP 404). Pick a model from &quot;Test connection&quot; or check its spelling.</source>
        <translation>%1 kennt das Modell „%2“ nicht (HTTP 404). Wählen Sie ein Modell aus „Verbindung testen“ oder prüfen Sie die Schreibweise.</translation>
    </message>
    <message>
        <source>%1 could not find what was asked for while %2 (HTTP 404): %3</source>
        <translation>%1 fand das Angeforderte %2 nicht (HTTP 404): %3</translation>
    </message>
    <message>
        <source>unknown id</source>
        <translation>unbekannte ID</translation>
    </message>
    <message>
        <source>%1: the account&apos;s quota or credit is used up (HTTP 429 insufficient_quota). Add credit or raise the limit in the provider&apos;s billing settings; retrying will not help.</source>
        <translation>%1: Das Kontingent oder Guthaben des Kontos ist aufgebraucht (HTTP 429 insufficient_quota). Laden Sie Guthaben auf oder erhöhen Sie die Grenze in den Abrechnungseinstellungen des Anbieters; erneutes Versuchen hilft nicht.</translation>
    </message>
    <message>
        <source>%1 is rate-limiting requests (HTTP 429) and still did so after several retries while %2. Lower the concurrency or requests per minute of the profile, or try again later.</source>
        <translation>%1 drosselt die Anfragen (HTTP 429), auch nach mehreren Wiederholungen %2. Senken Sie die parallelen Anfragen oder die Anfragen pro Minute des Profils oder versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>%1 rejected the request while %2: %3</source>
        <translation>%1 hat die Anfrage %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>invalid request</source>
        <translation>ungültige Anfrage</translation>
    </message>
    <message>
        <source>%1: the model &quot;%2&quot; has been retired (HTTP 410).</source>
        <translation>%1: Das Modell „%2“ wurde eingestellt (HTTP 410).</translation>
    </message>
    <message>
        <source>%1 had a server error while %2 (HTTP %3), also after retrying. Try again later.</source>
        <translation>Bei %1 trat %2 ein Serverfehler auf (HTTP %3), auch nach erneuten Versuchen. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 while %3: %4</source>
        <translation>%1 antwortete %3 mit HTTP %2: %4</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Comparison of performance metrics – %1</source>
        <translation>Vergleich der Leistungsmetriken – %1</translation>
    </message>
    <message>
        <source>All metrics with 95 % confidence intervals – %1</source>
        <translation>Alle Metriken mit 95-%-Konfidenzintervallen – %1</translation>
    </message>
    <message>
        <source>%1: %2 users in the means</source>
        <translation>%1: %2 Nutzer in den Mittelwerten</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Schemaversion</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Movies</source>
        <translation>Filme</translation>
    </message>
    <message>
        <source>none recorded in the project</source>
        <translation>keiner im Projekt vermerkt</translation>
    </message>
    <message>
        <source>Gold set “%1”</source>
        <translation>Goldstandard „%1“</translation>
    </message>
    <message>
        <source>Split (train / validation / test)</source>
        <translation>Aufteilung (Training / Validierung / Test)</translation>
    </message>
    <message>
        <source>Dataset fingerprint</source>
        <translation>Fingerabdruck des Datensatzes</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Gold-set spec “%1”</source>
        <translation>Spezifikation des Goldstandards „%1“</translation>
    </message>
    <message>
        <source>Gold-set summary “%1”</source>
        <translation>Zusammenfassung des Goldstandards „%1“</translation>
    </message>
    <message>
        <source>Fine-tuning job %1</source>
        <translation>Feinabstimmungsauftrag %1</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>Basismodell</translation>
    </message>
    <message>
        <source>Fine-tuned model</source>
        <translation>Feinabgestimmtes Modell</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keines</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Trained tokens</source>
        <translation>Trainierte Tokens</translation>
    </message>
    <message>
        <source>Cost reported by the provider</source>
        <translation>Vom Anbieter gemeldete Kosten</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>Hyperparameter</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation>Simuliert</translation>
    </message>
    <message>
        <source>yes (offline simulator)</source>
        <translation>ja (Offline-Simulator)</translation>
    </message>
    <message>
        <source>Job %1 was made with the offline simulator; its results are not real.</source>
        <translation>Auftrag %1 wurde mit dem Offline-Simulator erstellt; seine Ergebnisse sind nicht echt.</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Written by CineTune %1 on %2.</source>
        <translation>Erstellt von CineTune %1 am %2.</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Δ: paired difference with its 95 % confidence interval; p: paired test; p (Holm): adjusted with Holm–Bonferroni over the metrics compared; * adjusted p &lt; 0.05.</source>
        <translation>Δ: gepaarte Differenz mit 95-%-Konfidenzintervall; p: gepaarter Test; p (Holm): nach Holm–Bonferroni über die verglichenen Metriken korrigiert; * korrigiertes p &lt; 0,05.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Versuchsaufbau</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Catalogue coverage</source>
        <translation>Katalogabdeckung</translation>
    </message>
    <message>
        <source>Mean popularity</source>
        <translation>Mittlere Popularität</translation>
    </message>
    <message>
        <source>Gini index</source>
        <translation>Gini-Index</translation>
    </message>
    <message>
        <source>Hallucination rate</source>
        <translation>Halluzinationsrate</translation>
    </message>
    <message>
        <source>Duplicate rate</source>
        <translation>Duplikatrate</translation>
    </message>
    <message>
        <source>Profile-movie rate</source>
        <translation>Rate der Profilfilme</translation>
    </message>
    <message>
        <source>Parse-failure rate</source>
        <translation>Rate nicht lesbarer Antworten</translation>
    </message>
    <message>
        <source>Run “%1” was made on the gold set “%2”, which is no longer in the project.</source>
        <translation>Lauf „%1“ wurde auf dem Goldstandard „%2“ erstellt, der nicht mehr im Projekt ist.</translation>
    </message>
    <message>
        <source>The table could not be written to %1: %2. Choose another folder or file name.</source>
        <translation>Die Tabelle konnte nicht nach %1 geschrieben werden: %2. Wählen Sie einen anderen Ordner oder Dateinamen.</translation>
    </message>
    <message>
        <source>The per-user rows could not be written to %1: %2. Choose another folder or file name.</source>
        <translation>Die Zeilen pro Nutzer konnten nicht nach %1 geschrieben werden: %2. Wählen Sie einen anderen Ordner oder Dateinamen.</translation>
    </message>
    <message>
        <source>Gold movies</source>
        <translation>Filme des Goldstandards</translation>
    </message>
    <message>
        <source>There is no gold set #%1.</source>
        <translation>Es gibt keinen Goldstandard #%1.</translation>
    </message>
    <message>
        <source>Could not store the gold-set diagnostics: %1</source>
        <translation>Die Diagnose des Goldstandards konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Columns “%1” are the paper&apos;s published figures (GPT-4o-mini on the Netflix Prize data), copied from its text, for comparison only.</source>
        <translation>Die Spalten „%1“ sind die veröffentlichten Zahlen des Papers (GPT-4o-mini auf den Daten des Netflix Prize), aus seinem Text übernommen, nur zum Vergleich.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>the paper, %1</source>
        <translation>das Paper, %1</translation>
    </message>
    <message>
        <source>reported in the paper (not measured here)</source>
        <translation>im Paper berichtet (hier nicht gemessen)</translation>
    </message>
    <message>
        <source>Table 2 (profileData50)</source>
        <translation>Tabelle 2 (profileData50)</translation>
    </message>
    <message>
        <source>Table 3 (profileData60)</source>
        <translation>Tabelle 3 (profileData60)</translation>
    </message>
    <message>
        <source>GPT-4o-mini base</source>
        <translation>GPT-4o-mini Basismodell</translation>
    </message>
    <message>
        <source>GPT-4o-mini fine-tuned</source>
        <translation>GPT-4o-mini feinabgestimmt</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Gold-set diagnostics “%1” (%2 split)</source>
        <translation>Diagnose des Goldstandards „%1“ (Aufteilung %2)</translation>
    </message>
    <message>
        <source>simulator — not an LLM</source>
        <translation>Simulator — kein LLM</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p (Holm)</translation>
    </message>
    <message>
        <source>Some numbers in this report come from the offline simulator, not from an LLM: the columns marked “simulator — not an LLM” measure a stand-in that answers from the dataset itself.</source>
        <translation>Einige Zahlen dieses Berichts stammen vom Offline-Simulator, nicht von einem LLM: Die mit „Simulator — kein LLM“ markierten Spalten messen einen Platzhalter, der aus dem Datensatz selbst antwortet.</translation>
    </message>
    <message>
        <source>cannot write the dataset cache: &quot;%1&quot; is not a dataset fingerprint</source>
        <translation>der Datensatz-Cache kann nicht geschrieben werden: „%1“ ist kein Fingerabdruck eines Datensatzes</translation>
    </message>
    <message>
        <source>not a dataset fingerprint</source>
        <translation>kein Fingerabdruck eines Datensatzes</translation>
    </message>
    <message>
        <source>the cache file changed while it was being read</source>
        <translation>die Cache-Datei wurde während des Lesens geändert</translation>
    </message>
    <message>
        <source>%1 changed while it was being read</source>
        <translation>%1 wurde während des Lesens geändert</translation>
    </message>
    <message>
        <source>%1: a symbolic link that does not lead to a file (a loop, or its target %2 is missing)</source>
        <translation>%1: Ein symbolischer Link, der zu keiner Datei führt (eine Schleife, oder sein Ziel %2 fehlt)</translation>
    </message>
    <message>
        <source>%1:%2: expected a user id (a whole number from 0 to 4294967295), found &quot;%3&quot;</source>
        <translation>%1:%2: erwartet wurde eine Nutzer-ID (eine ganze Zahl von 0 bis 4294967295), gefunden „%3“</translation>
    </message>
    <message>
        <source>%1:%2: user %3 is not in the dataset</source>
        <translation>%1:%2: Nutzer %3 ist nicht im Datensatz</translation>
    </message>
    <message>
        <source>%1: expected user ids separated by white space, found none</source>
        <translation>%1: erwartet wurden durch Leerraum getrennte Nutzer-IDs, gefunden wurde keine</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>deleting the uploaded file</source>
        <translation>beim Löschen der hochgeladenen Datei</translation>
    </message>
    <message>
        <source>%1 said: &quot;%2&quot;</source>
        <translation>%1 meldete: „%2“</translation>
    </message>
    <message>
        <source>The server answered with an HTML page, not the API: check the base URL (and any proxy in between).</source>
        <translation>Der Server antwortete mit einer HTML-Seite statt mit der API: Prüfen Sie die Basis-URL (und einen etwaigen Proxy dazwischen).</translation>
    </message>
    <message>
        <source>OpenAI no longer accepts new fine-tuning jobs for this organization (self-serve fine-tuning is winding down; no new jobs after 2027-01-06). Fine-tune with Azure OpenAI (v1), which still trains gpt-4o-mini, or Together AI: add a profile in Settings → Providers and submit there.</source>
        <translation>OpenAI nimmt für diese Organisation keine neuen Feinabstimmungsaufträge mehr an (die Self-Service-Feinabstimmung wird eingestellt; keine neuen Aufträge nach dem 06.01.2027). Stimmen Sie mit Azure OpenAI (v1), das gpt-4o-mini weiterhin trainiert, oder mit Together AI fein: Legen Sie unter Einstellungen → Anbieter ein Profil an und senden Sie den Auftrag dort.</translation>
    </message>
    <message>
        <source>Together AI does not serve &quot;%1&quot; right now: create and start a dedicated endpoint for it in the Together AI dashboard (fine-tuned models are served serverless only for some base models), then try again.</source>
        <translation>Together AI stellt „%1“ derzeit nicht bereit: Legen Sie im Together-AI-Dashboard einen dedizierten Endpunkt dafür an, starten Sie ihn (feinabgestimmte Modelle werden nur bei einigen Basismodellen serverlos bereitgestellt) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Azure OpenAI has no such API path while %1 (HTTP 404). Check that the base URL is https://&lt;resource&gt;.openai.azure.com/openai/v1.</source>
        <translation>Azure OpenAI fand %1 keinen solchen API-Pfad (HTTP 404). Prüfen Sie, ob die Basis-URL https://&lt;resource&gt;.openai.azure.com/openai/v1 lautet.</translation>
    </message>
    <message>
        <source>Azure OpenAI has no deployment named &quot;%1&quot;. A fine-tuned Azure model, or a checkpoint (ftchkpt-…), must be deployed before it can answer: deploy it in the Azure portal (Developer tier is cheapest for evaluation) and enter the deployment name.</source>
        <translation>Azure OpenAI hat keine Bereitstellung namens „%1“. Ein feinabgestimmtes Azure-Modell oder ein Checkpoint (ftchkpt-…) muss bereitgestellt werden, bevor es antworten kann: Stellen Sie es im Azure-Portal bereit (die Developer-Stufe ist für die Auswertung am günstigsten) und geben Sie den Namen der Bereitstellung ein.</translation>
    </message>
    <message>
        <source>%1: P@3 %2, P@5 %3, R@5 %4, MRR %5</source>
        <translation>%1: P@3 %2, P@5 %3, R@5 %4, MRR %5</translation>
    </message>
    <message>
        <source>Most popular (trivial baseline)</source>
        <translation>Populärste Filme (triviale Baseline)</translation>
    </message>
    <message>
        <source>Neighbour consensus, seed + 1 (ceiling)</source>
        <translation>Nachbarschaftskonsens, Startwert + 1 (Obergrenze)</translation>
    </message>
    <message>
        <source>Gold movies among the 1 / 5 / 10 % most-rated movies: %1 / %2 / %3 of %4 gold entries</source>
        <translation>Goldfilme unter den 1 / 5 / 10 % meistbewerteten Filmen: %1 / %2 / %3 von %4 Goldeinträgen</translation>
    </message>
    <message>
        <source>Users&apos; gold lists alike: mean pairwise Jaccard %1; %2 distinct gold movies</source>
        <translation>Übereinstimmung der Goldlisten der Nutzer: mittlerer paarweiser Jaccard %1; %2 verschiedene Goldfilme</translation>
    </message>
    <message>
        <source>Most frequent gold movies (users): %1</source>
        <translation>Häufigste Goldfilme (Anzahl Nutzer): %1</translation>
    </message>
    <message>
        <source>The run&apos;s target &quot;%1&quot; is not a local baseline.</source>
        <translation>Das Ziel „%1“ des Laufs ist keine lokale Baseline.</translation>
    </message>
    <message>
        <source>unknown baseline</source>
        <translation>unbekannte Baseline</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>Most popular</source>
        <translation>Populärste Filme</translation>
    </message>
    <message>
        <source>ItemKNN</source>
        <translation>ItemKNN</translation>
    </message>
    <message>
        <source>Neighbour consensus</source>
        <translation>Nachbarschaftskonsens</translation>
    </message>
    <message>
        <source>Not enough memory for the %1 baseline</source>
        <translation>Nicht genug Arbeitsspeicher für die Baseline %1</translation>
    </message>
    <message>
        <source>user %1 is not in the dataset</source>
        <translation>Nutzer %1 ist nicht im Datensatz</translation>
    </message>
    <message>
        <source>movie %1 in the profile of user %2 is not in the dataset</source>
        <translation>Film %1 im Profil von Nutzer %2 ist nicht im Datensatz</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Could not read the run&apos;s batch: %1</source>
        <translation>Der Batch des Laufs konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not record the run&apos;s batch: %1</source>
        <translation>Der Batch des Laufs konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>%1: cannot write the item neighbour cache: %2</source>
        <translation>%1: Der Cache der Item-Nachbarn kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>no item neighbour cache</source>
        <translation>kein Cache der Item-Nachbarn</translation>
    </message>
    <message>
        <source>not an item neighbour cache</source>
        <translation>kein Cache der Item-Nachbarn</translation>
    </message>
    <message>
        <source>damaged item neighbour cache</source>
        <translation>beschädigter Cache der Item-Nachbarn</translation>
    </message>
    <message>
        <source>other item neighbour cache version</source>
        <translation>andere Version des Caches der Item-Nachbarn</translation>
    </message>
    <message>
        <source>item neighbour cache of other data or parameters</source>
        <translation>Cache der Item-Nachbarn zu anderen Daten oder Parametern</translation>
    </message>
    <message>
        <source>item neighbour cache of another dataset</source>
        <translation>Cache der Item-Nachbarn eines anderen Datensatzes</translation>
    </message>
    <message>
        <source>truncated item neighbour cache</source>
        <translation>abgeschnittener Cache der Item-Nachbarn</translation>
    </message>
    <message>
        <source>inconsistent item neighbour cache</source>
        <translation>widersprüchlicher Cache der Item-Nachbarn</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>expected a JSON object, found invalid JSON (%1 at column %2)</source>
        <translation>erwartet wurde ein JSON-Objekt, gefunden ungültiges JSON (%1 in Spalte %2)</translation>
    </message>
    <message>
        <source>expected a JSON object, found %1</source>
        <translation>erwartet wurde ein JSON-Objekt, gefunden %1</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>etwas anderes</translation>
    </message>
    <message>
        <source>expected &quot;user&quot; to be a whole number from 0 to 4294967295, found %1</source>
        <translation>erwartet wurde für „user“ eine ganze Zahl von 0 bis 4294967295, gefunden %1</translation>
    </message>
    <message>
        <source>expected &quot;items&quot; to be an array of movie ids, found %1</source>
        <translation>erwartet wurde für „items“ ein Array von Film-IDs, gefunden %1</translation>
    </message>
    <message>
        <source>expected &quot;items&quot;[%1] to be a movie id (a whole number from 0 to 4294967295), found %2</source>
        <translation>erwartet wurde für „items“[%1] eine Film-ID (eine ganze Zahl von 0 bis 4294967295), gefunden %2</translation>
    </message>
    <message>
        <source>expected &quot;titles&quot; to be an array of strings, found %1</source>
        <translation>erwartet wurde für „titles“ ein Array von Zeichenketten, gefunden %1</translation>
    </message>
    <message>
        <source>expected &quot;titles&quot;[%1] to be a string, found %2</source>
        <translation>erwartet wurde für „titles“[%1] eine Zeichenkette, gefunden %2</translation>
    </message>
    <message>
        <source>expected &quot;text&quot; to be a string, found %1</source>
        <translation>erwartet wurde für „text“ eine Zeichenkette, gefunden %1</translation>
    </message>
    <message>
        <source>expected &quot;error&quot; to be a non-empty string, found %1</source>
        <translation>erwartet wurde für „error“ eine nicht leere Zeichenkette, gefunden %1</translation>
    </message>
    <message>
        <source>expected &quot;items&quot;, &quot;titles&quot;, &quot;text&quot; or &quot;error&quot;, found none of them</source>
        <translation>erwartet wurde „items“, „titles“, „text“ oder „error“, gefunden wurde nichts davon</translation>
    </message>
    <message>
        <source>expected each user once, found user %1 again (first on line %2)</source>
        <translation>erwartet wurde jeder Nutzer einmal, gefunden wurde Nutzer %1 erneut (zuerst in Zeile %2)</translation>
    </message>
    <message>
        <source>the prediction for user %1 has titles; resolving them needs a dataset (--dataset)</source>
        <translation>die Vorhersage für Nutzer %1 enthält Titel; um sie aufzulösen, wird ein Datensatz gebraucht (--dataset)</translation>
    </message>
    <message>
        <source>User %1: movie %2 is not in the dataset (was the gold set built from this dataset?)</source>
        <translation>Nutzer %1: Film %2 ist nicht im Datensatz (wurde der Goldstandard aus diesem Datensatz erstellt?)</translation>
    </message>
    <message>
        <source>The run has no dataset catalogue.</source>
        <translation>Der Lauf hat keinen Katalog des Datensatzes.</translation>
    </message>
    <message>
        <source>Candidate ranking needs a candidate source (a baseline).</source>
        <translation>Das Ranking von Kandidaten braucht eine Kandidatenquelle (eine Baseline).</translation>
    </message>
    <message>
        <source>User %1 has no candidate movies.</source>
        <translation>Nutzer %1 hat keine Kandidatenfilme.</translation>
    </message>
    <message>
        <source>Few-shot prompts need the gold set&apos;s train split.</source>
        <translation>Few-Shot-Prompts brauchen den Trainingsanteil des Goldstandards.</translation>
    </message>
    <message>
        <source>The train split has %1 usable examples; few-shot asks for %2.</source>
        <translation>Der Trainingsanteil hat %1 verwendbare Beispiele; Few-Shot verlangt %2.</translation>
    </message>
    <message>
        <source>%1 must be from %2 to %3, found %4</source>
        <translation>%1 muss zwischen %2 und %3 liegen, gefunden: %4</translation>
    </message>
    <message>
        <source>min %1, max %2, mean %3, median %4, p5 %5, p95 %6</source>
        <translation>min. %1, max. %2, Mittelwert %3, Median %4, p5 %5, p95 %6</translation>
    </message>
    <message>
        <source>%1: user %2: movie %3 is not in the dataset (was the gold set built from this dataset?)</source>
        <translation>%1: Nutzer %2: Film %3 ist nicht im Datensatz (wurde der Goldstandard aus diesem Datensatz erstellt?)</translation>
    </message>
    <message>
        <source>%1: no user is in the %2 split</source>
        <translation>%1: Kein Nutzer ist in der Aufteilung %2</translation>
    </message>
    <message>
        <source>%1: every user of the %2 split has an empty gold list</source>
        <translation>%1: Jeder Nutzer der Aufteilung %2 hat eine leere Goldliste</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The fine-tuning data has %1 errors; nothing was written:
%2</source>
        <translation>Die Trainingsdaten haben %1 Fehler; nichts wurde geschrieben:
%2</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>no &quot;data&quot; array</source>
        <translation>kein Array „data“</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>keine Nachricht</translation>
    </message>
    <message>
        <source>Choose a base model.</source>
        <translation>Wählen Sie ein Basismodell.</translation>
    </message>
    <message>
        <source>A training file is required.</source>
        <translation>Eine Trainingsdatei ist erforderlich.</translation>
    </message>
    <message>
        <source>Epochs must be from 1 to %1, found %2.</source>
        <translation>Die Zahl der Epochen muss zwischen 1 und %1 liegen, gefunden: %2.</translation>
    </message>
    <message>
        <source>Batch size must be from 1 to 256 (or automatic), found %1.</source>
        <translation>Die Batchgröße muss zwischen 1 und 256 liegen (oder automatisch sein), gefunden: %1.</translation>
    </message>
    <message>
        <source>The learning rate must be above 0 and below 1, found %1.</source>
        <translation>Die Lernrate muss größer als 0 und kleiner als 1 sein, gefunden: %1.</translation>
    </message>
    <message>
        <source>The LoRA rank must be from 1 to 1024, found %1.</source>
        <translation>Der LoRA-Rang muss zwischen 1 und 1024 liegen, gefunden: %1.</translation>
    </message>
    <message>
        <source>The learning-rate multiplier must be above 0, found %1.</source>
        <translation>Der Lernraten-Faktor muss größer als 0 sein, gefunden: %1.</translation>
    </message>
    <message>
        <source>The suffix may have at most %1 characters, found %2.</source>
        <translation>Das Suffix darf höchstens %1 Zeichen haben, gefunden: %2.</translation>
    </message>
    <message>
        <source>The suffix may contain only letters, digits, &quot;-&quot;, &quot;_&quot; and &quot;.&quot;, found &quot;%1&quot;.</source>
        <translation>Das Suffix darf nur Buchstaben, Ziffern, „-“, „_“ und „.“ enthalten, gefunden: „%1“.</translation>
    </message>
    <message>
        <source>The seed must be from 0 to 2147483647.</source>
        <translation>Der Startwert muss zwischen 0 und 2147483647 liegen.</translation>
    </message>
    <message>
        <source>At most 16 metadata pairs are allowed, found %1.</source>
        <translation>Höchstens 16 Metadaten-Paare sind erlaubt, gefunden: %1.</translation>
    </message>
    <message>
        <source>Metadata &quot;%1&quot;: keys have at most 64 characters and values are text of at most 512.</source>
        <translation>Metadaten „%1“: Schlüssel haben höchstens 64 Zeichen, Werte sind Text mit höchstens 512 Zeichen.</translation>
    </message>
    <message>
        <source>a streamed chat answer</source>
        <translation>eine gestreamte Chat-Antwort</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n duplicate movie ID(s); the first title was kept</source>
        <translation>
            <numerusform>%1: %n doppelte Film-ID; der erste Titel wurde behalten</numerusform>
            <numerusform>%1: %n doppelte Film-IDs; der jeweils erste Titel wurde behalten</numerusform>
        </translation>
    </message>
    <message>
        <source>zero-shot</source>
        <translation>Zero-Shot</translation>
    </message>
    <message>
        <source>fine-tuned</source>
        <translation>feinabgestimmt</translation>
    </message>
    <message>
        <source>few-shot</source>
        <translation>Few-Shot</translation>
    </message>
    <message>
        <source>candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <source>FT %1</source>
        <translation>FT %1</translation>
    </message>
    <message>
        <source>%1 step %2</source>
        <translation>%1 Schritt %2</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>gold set %1</source>
        <translation>Goldstandard %1</translation>
    </message>
    <message>
        <source>split %1</source>
        <translation>Aufteilung %1</translation>
    </message>
    <message>
        <source>baseline %1</source>
        <translation>Baseline %1</translation>
    </message>
    <message>
        <source>provider %1</source>
        <translation>Anbieter %1</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>Modell %1</translation>
    </message>
    <message>
        <source>strategy %1</source>
        <translation>Strategie %1</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>Startwert %1</translation>
    </message>
    <message>
        <source>no seed</source>
        <translation>kein Startwert</translation>
    </message>
    <message>
        <source>Simulated: %1</source>
        <translation>Simuliert: %1</translation>
    </message>
</context>
<context>
    <name>cinetune::BatchRun</name>
    <message>
        <source>The provider &quot;%1&quot; (%2) has no Batch API; only OpenAI and Azure OpenAI (and the simulator) do. Run without batch mode.</source>
        <translation>Der Anbieter „%1“ (%2) hat keine Batch-API; nur OpenAI und Azure OpenAI (und der Simulator) haben eine. Starten Sie den Lauf ohne Batch-Modus.</translation>
    </message>
    <message>
        <source>Azure OpenAI runs batches only on a Global-Batch deployment: deploy the model &quot;%1&quot; with the deployment type Global-Batch in the Azure AI Foundry portal and give that deployment&apos;s name (cinetune run --batch-deployment NAME). The live deployment cannot take batch requests.</source>
        <translation>Azure OpenAI führt Batches nur auf einer Global-Batch-Bereitstellung aus: Stellen Sie das Modell „%1“ im Azure-AI-Foundry-Portal mit dem Bereitstellungstyp Global-Batch bereit und geben Sie den Namen dieser Bereitstellung an (cinetune run --batch-deployment NAME). Die Live-Bereitstellung nimmt keine Batch-Anfragen an.</translation>
    </message>
    <message>
        <source>Re-attaching to batch %1…</source>
        <translation>Verbindung mit Batch %1 wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Looking for the batch this run was creating…</source>
        <translation>Der Batch, den dieser Lauf gerade erstellte, wird gesucht…</translation>
    </message>
    <message>
        <source>Uploading the batch input (%1 requests, %2 bytes)…</source>
        <translation>Die Batch-Eingabe wird hochgeladen (%1 Anfragen, %2 Bytes)…</translation>
    </message>
    <message>
        <source>The provider does not know batch %1 (any more); run again to send the users without an answer in a new batch.</source>
        <translation>Der Anbieter kennt Batch %1 nicht (mehr); starten Sie den Lauf erneut, um die Nutzer ohne Antwort in einem neuen Batch zu senden.</translation>
    </message>
    <message>
        <source>Downloading the batch&apos;s error file…</source>
        <translation>Die Fehlerdatei des Batches wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Downloading the batch&apos;s output…</source>
        <translation>Die Ausgabe des Batches wird heruntergeladen…</translation>
    </message>
    <message>
        <source>The batch did not answer this request: %1%2</source>
        <translation>Der Batch hat diese Anfrage nicht beantwortet: %1%2</translation>
    </message>
    <message>
        <source>The batch failed: %1</source>
        <translation>Der Batch ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The batch&apos;s output has no answer for this request.</source>
        <translation>Die Ausgabe des Batches enthält keine Antwort auf diese Anfrage.</translation>
    </message>
    <message>
        <source>The batch&apos;s files had %1 lines for requests this run does not have (ignored) and %2 malformed lines (skipped): %3</source>
        <translation>Die Dateien des Batches enthielten %1 Zeilen zu Anfragen, die dieser Lauf nicht hat (ignoriert), und %2 fehlerhafte Zeilen (übersprungen): %3</translation>
    </message>
    <message>
        <source>The batch expired after 24 hours; %1 answers were stored. Run again to send the rest.</source>
        <translation>Der Batch ist nach 24 Stunden abgelaufen; %1 Antworten wurden gespeichert. Starten Sie den Lauf erneut, um den Rest zu senden.</translation>
    </message>
    <message>
        <source>The provider rejected the batch: %1</source>
        <translation>Der Anbieter hat den Batch abgelehnt: %1</translation>
    </message>
    <message>
        <source>Cancelling batch %1…</source>
        <translation>Batch %1 wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>cinetune::ChatDataReport</name>
    <message>
        <source>File:              %1
</source>
        <translation>Datei:                %1
</translation>
    </message>
    <message>
        <source>Examples:          %1 (%2 errors, %3 warnings)
</source>
        <translation>Beispiele:            %1 (%2 Fehler, %3 Warnungen)
</translation>
    </message>
    <message>
        <source>Messages/example:  %1
</source>
        <translation>Nachrichten/Beispiel: %1
</translation>
    </message>
    <message>
        <source>Tokens/example:    %1
</source>
        <translation>Tokens/Beispiel:      %1
</translation>
    </message>
    <message>
        <source>Assistant tokens:  %1
</source>
        <translation>Assistant-Tokens:     %1
</translation>
    </message>
    <message>
        <source>Tokens:            %1 (o200k_base, the notebook&apos;s per-message accounting)
</source>
        <translation>Tokens:               %1 (o200k_base, Zählung pro Nachricht wie im Notebook)
</translation>
    </message>
    <message>
        <source>Billed per epoch:  %1 (each example counted up to %2 tokens)
</source>
        <translation>Berechnet pro Epoche: %1 (jedes Beispiel mit höchstens %2 Tokens gezählt)
</translation>
    </message>
    <message>
        <source>Epochs:            %1 (the notebook&apos;s default for %2 examples)
</source>
        <translation>Epochen:              %1 (der Standard des Notebooks für %2 Beispiele)
</translation>
    </message>
    <message>
        <source>Epochs:            %1 (chosen; %2 examples)
</source>
        <translation>Epochen:              %1 (gewählt; %2 Beispiele)
</translation>
    </message>
    <message>
        <source>Billed tokens:     %1
</source>
        <translation>Berechnete Tokens:    %1
</translation>
    </message>
    <message>
        <source>Training cost:     $%1 (%2 at $%3 per 1M tokens)
</source>
        <translation>Trainingskosten:      $%1 (%2 zu $%3 pro 1 Mio. Tokens)
</translation>
    </message>
    <message>
        <source>Each prompt once:  %1 prompt + %2 completion tokens: base $%3, fine-tuned $%4
</source>
        <translation>Jeder Prompt einmal:  %1 Prompt- + %2 Antwort-Tokens: Basis $%3, feinabgestimmt $%4
</translation>
    </message>
    <message>
        <source>Error: %1
</source>
        <translation>Fehler: %1
</translation>
    </message>
    <message>
        <source>Warning: %1
</source>
        <translation>Warnung: %1
</translation>
    </message>
    <message>
        <source>(%1 more errors and %2 more warnings not listed)
</source>
        <translation>(%1 weitere Fehler und %2 weitere Warnungen nicht aufgeführt)
</translation>
    </message>
</context>
<context>
    <name>cinetune::ChatDataValidator</name>
    <message>
        <source>a boolean</source>
        <translation>einen Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>the file starts with a byte order mark; it is ignored</source>
        <translation>die Datei beginnt mit einer Byte-Reihenfolge-Markierung (BOM); sie wird ignoriert</translation>
    </message>
    <message>
        <source>blank line ignored; every line should be one JSON object</source>
        <translation>leere Zeile ignoriert; jede Zeile sollte ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation>ungültiges JSON: %1</translation>
    </message>
    <message>
        <source>expected a JSON object, found %1</source>
        <translation>erwartet wurde ein JSON-Objekt, gefunden %1</translation>
    </message>
    <message>
        <source>%1 missing %2</source>
        <translation>%1 es fehlt %2</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>%1 unrecognized role %2 (expected system, user, assistant or function)</source>
        <translation>%1 unbekannte Rolle %2 (erwartet: system, user, assistant oder function)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>%1 the content is missing or empty</source>
        <translation>%1 der Inhalt fehlt oder ist leer</translation>
    </message>
    <message>
        <source>%1 the content must be a string, found %2</source>
        <translation>%1 der Inhalt muss eine Zeichenkette sein, gefunden %2</translation>
    </message>
    <message>
        <source>%1 &quot;weight&quot; must be 0 or 1</source>
        <translation>%1 „weight“ muss 0 oder 1 sein</translation>
    </message>
    <message>
        <source>%1 &quot;weight&quot; only applies to assistant messages</source>
        <translation>%1 „weight“ gilt nur für Assistant-Nachrichten</translation>
    </message>
    <message>
        <source>%1 unrecognized key %2 (expected role, content, name, function_call or weight)</source>
        <translation>%1 unbekannter Schlüssel %2 (erwartet: role, content, name, function_call oder weight)</translation>
    </message>
    <message>
        <source>no &quot;messages&quot; list</source>
        <translation>keine „messages“-Liste</translation>
    </message>
    <message>
        <source>&quot;messages&quot; is not a list</source>
        <translation>„messages“ ist keine Liste</translation>
    </message>
    <message>
        <source>the &quot;messages&quot; list is empty</source>
        <translation>die „messages“-Liste ist leer</translation>
    </message>
    <message>
        <source>messages[%1]: expected an object, found %2</source>
        <translation>messages[%1]: erwartet wurde ein Objekt, gefunden %2</translation>
    </message>
    <message>
        <source>no assistant message</source>
        <translation>keine Assistant-Nachricht</translation>
    </message>
    <message>
        <source>%1 tokens, more than the model&apos;s context of %2 tokens</source>
        <translation>%1 Tokens, mehr als der Kontext des Modells von %2 Tokens</translation>
    </message>
    <message>
        <source>%1 tokens, more than %2 per training example: the end will be truncated</source>
        <translation>%1 Tokens, mehr als %2 pro Trainingsbeispiel: Das Ende wird abgeschnitten</translation>
    </message>
    <message>
        <source>Checking fine-tuning data</source>
        <translation>Feinabstimmungsdaten werden geprüft</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>the same messages as line %1</source>
        <translation>dieselben Nachrichten wie Zeile %1</translation>
    </message>
    <message>
        <source>the file has no examples</source>
        <translation>die Datei enthält keine Beispiele</translation>
    </message>
    <message>
        <source>too few examples (%1): OpenAI needs at least %2 for training</source>
        <translation>zu wenige Beispiele (%1): OpenAI braucht mindestens %2 für das Training</translation>
    </message>
    <message>
        <source>few examples (%1): OpenAI suggests starting with about %2</source>
        <translation>wenige Beispiele (%1): OpenAI empfiehlt, mit etwa %2 zu beginnen</translation>
    </message>
    <message>
        <source>examples without a system message: %1 (the first on line %2)</source>
        <translation>Beispiele ohne System-Nachricht: %1 (das erste in Zeile %2)</translation>
    </message>
    <message>
        <source>examples without a user message: %1 (the first on line %2)</source>
        <translation>Beispiele ohne Nutzer-Nachricht: %1 (das erste in Zeile %2)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>cinetune::CoViewIndex</name>
    <message>
        <source>Indexing co-ratings</source>
        <translation>Gemeinsame Bewertungen werden indiziert</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>cinetune::EvaluationRun</name>
    <message>
        <source>%1 The run stopped instead of failing every user: the users without an answer stay pending, and running it again continues with them.</source>
        <translation>%1 Der Lauf wurde angehalten, statt für jeden Nutzer fehlzuschlagen: Die Nutzer ohne Antwort bleiben offen, und ein erneuter Start setzt mit ihnen fort.</translation>
    </message>
</context>
<context>
    <name>cinetune::FineTuneJob</name>
    <message>
        <source>deployment %1 of %2</source>
        <translation>Bereitstellung %1 von %2</translation>
    </message>
    <message>
        <source>not deployed yet: deploy it in the Azure AI Foundry portal and enter the deployment&apos;s name in the job view</source>
        <translation>noch nicht bereitgestellt: Stellen Sie es im Azure-AI-Foundry-Portal bereit und geben Sie den Namen der Bereitstellung in der Auftragsansicht ein</translation>
    </message>
    <message>
        <source>Together AI serves it serverless only for some base models; otherwise start a dedicated endpoint for it first</source>
        <translation>Together AI stellt es nur bei einigen Basismodellen serverlos bereit; starten Sie andernfalls zuerst einen dedizierten Endpunkt dafür</translation>
    </message>
    <message>
        <source>a Together AI checkpoint can start a new job but is not served for inference</source>
        <translation>ein Checkpoint von Together AI kann einen neuen Auftrag starten, wird aber nicht für Inferenz bereitgestellt</translation>
    </message>
    <message>
        <source>deploy checkpoint %1 in the Azure AI Foundry portal first, then evaluate its deployment</source>
        <translation>stellen Sie zuerst den Checkpoint %1 im Azure-AI-Foundry-Portal bereit und werten Sie dann dessen Bereitstellung aus</translation>
    </message>
    <message>
        <source>Step %1: training loss %2</source>
        <translation>Schritt %1: Trainingsverlust %2</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Schritt %1</translation>
    </message>
</context>
<context>
    <name>cinetune::GoldSet</name>
    <message>
        <source>fewer than %1 ratings of 5 stars or fewer than %2 ratings of %3 or more</source>
        <translation>weniger als %1 Bewertungen mit 5 Sternen oder weniger als %2 Bewertungen ab %3</translation>
    </message>
    <message>
        <source>fewer than %1 ratings of 5 stars</source>
        <translation>weniger als %1 Bewertungen mit 5 Sternen</translation>
    </message>
    <message>
        <source>no other user rated a profile movie with %1 or more</source>
        <translation>kein anderer Nutzer hat einen Profilfilm bewertet (Bewertung: %1 oder mehr)</translation>
    </message>
    <message>
        <source>no other user rated %1 of the profile movies with %2 or more</source>
        <translation>kein anderer Nutzer hat %1 der Profilfilme bewertet (Bewertung: %2 oder mehr)</translation>
    </message>
    <message>
        <source>no movie reaches the watch factor (rated by %1 % of the neighbours)</source>
        <translation>kein Film erreicht den Sehfaktor (bewertet von %1 % der Nachbarn)</translation>
    </message>
    <message>
        <source>every movie reaching the watch factor was already rated by the user</source>
        <translation>jeder Film, der den Sehfaktor erreicht, wurde vom Nutzer bereits bewertet</translation>
    </message>
    <message>
        <source>every movie reaching the watch factor is in the user&apos;s profile</source>
        <translation>jeder Film, der den Sehfaktor erreicht, ist im Profil des Nutzers</translation>
    </message>
    <message>
        <source>fewer than %1 gold movies</source>
        <translation>weniger als %1 Goldfilme</translation>
    </message>
    <message>
        <source>no rating before the last %1 ratings of %2 or more</source>
        <translation>keine Bewertung vor den letzten %1 Bewertungen ab %2</translation>
    </message>
</context>
<context>
    <name>cinetune::GoldSetBuilder</name>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>no user has %1 ratings of %2 or more</source>
        <translation>kein Nutzer hat %1 Bewertungen ab %2</translation>
    </message>
    <message>
        <source> and %1 ratings of 5 stars</source>
        <translation> und %1 Bewertungen mit 5 Sternen</translation>
    </message>
    <message>
        <source>the dataset has no ratings</source>
        <translation>der Datensatz hat keine Bewertungen</translation>
    </message>
    <message>
        <source>no user has %1 ratings of 5 stars</source>
        <translation>kein Nutzer hat %1 Bewertungen mit 5 Sternen</translation>
    </message>
    <message>
        <source>%1 users: %2</source>
        <translation>%1 Nutzer: %2</translation>
    </message>
    <message>
        <source>every selected user was dropped (%1)</source>
        <translation>jeder ausgewählte Nutzer wurde verworfen (%1)</translation>
    </message>
    <message>
        <source>Selecting users</source>
        <translation>Nutzer werden ausgewählt</translation>
    </message>
    <message>
        <source>user %1 is not in the dataset</source>
        <translation>Nutzer %1 ist nicht im Datensatz</translation>
    </message>
    <message>
        <source>none of the listed users is eligible: %1</source>
        <translation>keiner der aufgeführten Nutzer ist geeignet: %1</translation>
    </message>
    <message>
        <source>Building gold sets</source>
        <translation>Goldstandards werden erstellt</translation>
    </message>
    <message>
        <source>Not enough memory to build the gold set</source>
        <translation>Nicht genug Speicher, um den Goldstandard zu erstellen</translation>
    </message>
</context>
<context>
    <name>cinetune::GoldSetDiagnostics</name>
    <message numerus="yes">
        <source>A non-personalised popularity list scores P@3 = %1 on this gold set (%2 split, %n users)</source>
        <translation>
            <numerusform>Eine nicht personalisierte Popularitätsliste erreicht auf diesem Goldstandard P@3 = %1 (Aufteilung %2, %n Nutzer)</numerusform>
            <numerusform>Eine nicht personalisierte Popularitätsliste erreicht auf diesem Goldstandard P@3 = %1 (Aufteilung %2, %n Nutzer)</numerusform>
        </translation>
    </message>
    <message>
        <source>; the gold rule re-run with another seed (the ceiling) scores %1</source>
        <translation>; die mit einem anderen Startwert erneut angewandte Goldregel (die Obergrenze) erreicht %1</translation>
    </message>
</context>
<context>
    <name>cinetune::GoldSetJsonl</name>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>expected a JSON object, found invalid JSON (%1 at column %2)</source>
        <translation>erwartet wurde ein JSON-Objekt, gefunden ungültiges JSON (%1 in Spalte %2)</translation>
    </message>
    <message>
        <source>expected a JSON object, found %1</source>
        <translation>erwartet wurde ein JSON-Objekt, gefunden %1</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>etwas anderes</translation>
    </message>
    <message>
        <source>expected &quot;user&quot; to be a whole number from 0 to 4294967295, found %1</source>
        <translation>erwartet wurde für „user“ eine ganze Zahl von 0 bis 4294967295, gefunden %1</translation>
    </message>
    <message>
        <source>expected &quot;%1&quot; to be an array of movie ids, found %2</source>
        <translation>erwartet wurde für „%1“ ein Array von Film-IDs, gefunden %2</translation>
    </message>
    <message>
        <source>expected &quot;%1&quot;[%2] to be a movie id (a whole number from 0 to 4294967295), found %3</source>
        <translation>erwartet wurde für „%1“[%2] eine Film-ID (eine ganze Zahl von 0 bis 4294967295), gefunden %3</translation>
    </message>
    <message>
        <source>expected &quot;neighbors&quot; to be a whole number from 0 to 4294967295, found %1</source>
        <translation>erwartet wurde für „neighbors“ eine ganze Zahl von 0 bis 4294967295, gefunden %1</translation>
    </message>
    <message>
        <source>expected &quot;candidates&quot; to be a whole number from 0 to 4294967295, found %1</source>
        <translation>erwartet wurde für „candidates“ eine ganze Zahl von 0 bis 4294967295, gefunden %1</translation>
    </message>
    <message>
        <source>expected &quot;split&quot; to be &quot;train&quot;, &quot;validation&quot; or &quot;test&quot;, found %1</source>
        <translation>erwartet wurde für „split“ „train“, „validation“ oder „test“, gefunden %1</translation>
    </message>
    <message>
        <source>user %1 appears twice (first on line %2)</source>
        <translation>Nutzer %1 kommt doppelt vor (zuerst in Zeile %2)</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>cinetune::GoldSetRepository</name>
    <message>
        <source>Could not %1 in the project: %2</source>
        <translation>Im Projekt konnte nicht %1 werden: %2</translation>
    </message>
    <message>
        <source>The project has no gold set #%1.</source>
        <translation>Das Projekt hat keinen Goldstandard #%1.</translation>
    </message>
    <message>
        <source>A gold set needs a name.</source>
        <translation>Ein Goldstandard braucht einen Namen.</translation>
    </message>
    <message>
        <source>look up gold set names</source>
        <translation>nach Goldstandard-Namen gesucht</translation>
    </message>
    <message>
        <source>The project already has a gold set named &quot;%1&quot;.</source>
        <translation>Das Projekt hat bereits einen Goldstandard namens „%1“.</translation>
    </message>
    <message>
        <source>save the gold set &quot;%1&quot;</source>
        <translation>der Goldstandard „%1“ gespeichert</translation>
    </message>
    <message>
        <source>rename the gold set</source>
        <translation>der Goldstandard umbenannt</translation>
    </message>
    <message>
        <source>change the gold set&apos;s notes</source>
        <translation>die Notizen des Goldstandards geändert</translation>
    </message>
    <message>
        <source>delete the gold set</source>
        <translation>der Goldstandard gelöscht</translation>
    </message>
    <message>
        <source>read gold sets</source>
        <translation>Goldstandards gelesen</translation>
    </message>
    <message>
        <source>The stored spec of gold set &quot;%1&quot; is not valid: %2</source>
        <translation>Die gespeicherten Einstellungen des Goldstandards „%1“ sind ungültig: %2</translation>
    </message>
    <message>
        <source>The project has no gold set named &quot;%1&quot;.</source>
        <translation>Das Projekt hat keinen Goldstandard namens „%1“.</translation>
    </message>
    <message>
        <source>read the gold set</source>
        <translation>der Goldstandard gelesen</translation>
    </message>
    <message>
        <source>gold set #%1</source>
        <translation>Goldstandard #%1</translation>
    </message>
    <message>
        <source>Gold set</source>
        <translation>Goldstandard</translation>
    </message>
</context>
<context>
    <name>cinetune::GoldSetSpec</name>
    <message>
        <source>%1 must be from %2 to %3, found %4</source>
        <translation>%1 muss zwischen %2 und %3 liegen, gefunden: %4</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>eligibility E (ratings of 5 stars)</source>
        <translation>Eignung E (Bewertungen mit 5 Sternen)</translation>
    </message>
    <message>
        <source>profile size P</source>
        <translation>Profilgröße P</translation>
    </message>
    <message>
        <source>star threshold T must be a multiple of 0.5 from 0.5 to 5 stars, found %1</source>
        <translation>Sternschwelle T muss ein Vielfaches von 0,5 zwischen 0,5 und 5 Sternen sein, gefunden: %1</translation>
    </message>
    <message>
        <source>train share (%)</source>
        <translation>Trainingsanteil (%)</translation>
    </message>
    <message>
        <source>validation share (%)</source>
        <translation>Validierungsanteil (%)</translation>
    </message>
    <message>
        <source>test share (%)</source>
        <translation>Testanteil (%)</translation>
    </message>
    <message>
        <source>split shares must add up to 100 %, found %1/%2/%3 = %4 %</source>
        <translation>die Anteile der Aufteilung müssen zusammen 100 % ergeben, gefunden: %1/%2/%3 = %4 %</translation>
    </message>
    <message>
        <source>hold-out size H</source>
        <translation>Hold-out-Größe H</translation>
    </message>
    <message>
        <source>min matches M must be from 1 to the profile size %1, found %2</source>
        <translation>Mindesttreffer M muss zwischen 1 und der Profilgröße %1 liegen, gefunden: %2</translation>
    </message>
    <message>
        <source>neighbour cap</source>
        <translation>Nachbarobergrenze</translation>
    </message>
    <message>
        <source>watch factor W (%)</source>
        <translation>Sehfaktor W (%)</translation>
    </message>
    <message>
        <source>max gold G</source>
        <translation>max. Gold G</translation>
    </message>
    <message>
        <source>min gold must be from 0 to max gold %1, found %2</source>
        <translation>min. Gold muss zwischen 0 und max. Gold %1 liegen, gefunden: %2</translation>
    </message>
    <message>
        <source>%1 star</source>
        <translation>%1 Stern</translation>
    </message>
    <message>
        <source>%1 stars</source>
        <translation>%1 Sterne</translation>
    </message>
    <message>
        <source>gold-set spec: bad or missing &quot;%1&quot;</source>
        <translation>Goldstandard-Einstellungen: „%1“ fehlt oder ist ungültig</translation>
    </message>
</context>
<context>
    <name>cinetune::HttpCall</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s after the request was sent; it may or may not have been carried out.</source>
        <translation>%1 hat nach dem Senden der Anfrage nicht innerhalb von %2 s geantwortet; sie wurde möglicherweise ausgeführt, möglicherweise nicht.</translation>
    </message>
    <message>
        <source>Network error talking to %1: %2</source>
        <translation>Netzwerkfehler bei der Verbindung mit %1: %2</translation>
    </message>
    <message>
        <source>Cannot connect to %1 (%2). Check the base URL and your network.</source>
        <translation>Keine Verbindung zu %1 (%2). Prüfen Sie die Basis-URL und Ihr Netzwerk.</translation>
    </message>
    <message>
        <source>%1 closed the connection before the answer was complete.</source>
        <translation>%1 hat die Verbindung geschlossen, bevor die Antwort vollständig war.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The connection to %1 failed after the request was sent; it may or may not have been carried out.</source>
        <translation>Die Verbindung zu %1 ist nach dem Senden der Anfrage abgebrochen; sie wurde möglicherweise ausgeführt, möglicherweise nicht.</translation>
    </message>
    <message>
        <source>%1 sent more than %2 MB in one answer; the answer was dropped.</source>
        <translation>%1 hat mehr als %2 MB in einer Antwort gesendet; die Antwort wurde verworfen.</translation>
    </message>
</context>
<context>
    <name>cinetune::ItemKnnTable</name>
    <message>
        <source>the number of neighbours per movie must be from 1 to %1, found %2</source>
        <translation>die Zahl der Nachbarn pro Film muss zwischen 1 und %1 liegen, gefunden: %2</translation>
    </message>
    <message>
        <source>Building item neighbours</source>
        <translation>Item-Nachbarn werden berechnet</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Not enough memory to build the item neighbours</source>
        <translation>Nicht genug Arbeitsspeicher, um die Item-Nachbarn zu berechnen</translation>
    </message>
</context>
<context>
    <name>cinetune::JobMonitor</name>
    <message>
        <source>The job request sent to %1 at %2 got no answer, and no job matching it (%3) is listed there. It may still exist and cost money: check the provider&apos;s job list, then import it (cinetune finetune list --provider %1 --project FILE --import) or discard this request (cinetune finetune discard %4 --project FILE).</source>
        <translation>Die am %2 an %1 gesendete Auftragsanfrage blieb ohne Antwort, und dort ist kein passender Auftrag (%3) aufgeführt. Er könnte dennoch existieren und Kosten verursachen: Prüfen Sie die Auftragsliste des Anbieters und importieren Sie ihn dann (cinetune finetune list --provider %1 --project FILE --import) oder verwerfen Sie diese Anfrage (cinetune finetune discard %4 --project FILE).</translation>
    </message>
    <message>
        <source>request tag %1</source>
        <translation>Anfragekennung %1</translation>
    </message>
    <message>
        <source>training file %1</source>
        <translation>Trainingsdatei %1</translation>
    </message>
</context>
<context>
    <name>cinetune::JobRepository</name>
    <message>
        <source>Could not %1 in the project: %2</source>
        <translation>Im Projekt konnte nicht %1 werden: %2</translation>
    </message>
    <message>
        <source>record the job request</source>
        <translation>die Auftragsanfrage gespeichert</translation>
    </message>
    <message>
        <source>look up the job</source>
        <translation>der Auftrag gefunden</translation>
    </message>
    <message>
        <source>save the job</source>
        <translation>der Auftrag gespeichert</translation>
    </message>
    <message>
        <source>remove the job</source>
        <translation>der Auftrag entfernt</translation>
    </message>
    <message>
        <source>Could not save the job&apos;s events: %1</source>
        <translation>Die Ereignisse des Auftrags konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>save the job&apos;s events</source>
        <translation>die Ereignisse des Auftrags gespeichert</translation>
    </message>
    <message>
        <source>save the job&apos;s checkpoints</source>
        <translation>die Checkpoints des Auftrags gespeichert</translation>
    </message>
    <message>
        <source>save the deployment name</source>
        <translation>der Name der Bereitstellung gespeichert</translation>
    </message>
    <message>
        <source>read the jobs</source>
        <translation>die Aufträge gelesen</translation>
    </message>
    <message>
        <source>The project has no job %1.</source>
        <translation>Das Projekt enthält keinen Auftrag %1.</translation>
    </message>
    <message>
        <source>read the job&apos;s events</source>
        <translation>die Ereignisse des Auftrags gelesen</translation>
    </message>
    <message>
        <source>read the job&apos;s checkpoints</source>
        <translation>die Checkpoints des Auftrags gelesen</translation>
    </message>
    <message>
        <source>%1 (fine-tuned, job %2)</source>
        <translation>%1 (feinabgestimmt, Auftrag %2)</translation>
    </message>
    <message>
        <source>%1 (checkpoint, step %2)</source>
        <translation>%1 (Checkpoint, Schritt %2)</translation>
    </message>
    <message>
        <source>mark the job request as unresolved</source>
        <translation>die Auftragsanfrage als ungeklärt markiert</translation>
    </message>
</context>
<context>
    <name>cinetune::JobSubmission</name>
    <message>
        <source>Uploading %1 (%2 KB)…</source>
        <translation>%1 wird hochgeladen (%2 KB)…</translation>
    </message>
    <message>
        <source>Creating the fine-tuning job…</source>
        <translation>Der Feinabstimmungsauftrag wird angelegt…</translation>
    </message>
    <message>
        <source>The uploaded files (%1) were deleted again.</source>
        <translation>Die hochgeladenen Dateien (%1) wurden wieder gelöscht.</translation>
    </message>
    <message>
        <source>Deleting the uploaded file %1…</source>
        <translation>Hochgeladene Datei %1 wird gelöscht…</translation>
    </message>
    <message>
        <source>The uploaded file %1 could not be deleted (%2); delete it in the provider&apos;s dashboard so it does not cost storage.</source>
        <translation>Die hochgeladene Datei %1 konnte nicht gelöscht werden (%2); löschen Sie sie im Dashboard des Anbieters, damit keine Speicherkosten entstehen.</translation>
    </message>
    <message>
        <source>Deleted: %1.</source>
        <translation>Gelöscht: %1.</translation>
    </message>
</context>
<context>
    <name>cinetune::JsonLineDocument</name>
    <message>
        <source>expected a JSON value, found the end of the line</source>
        <translation>erwartet wurde ein JSON-Wert, gefunden das Zeilenende</translation>
    </message>
    <message>
        <source>expected the end of the line after the JSON value</source>
        <translation>erwartet wurde das Zeilenende nach dem JSON-Wert</translation>
    </message>
    <message>
        <source>nested more than %1 levels deep</source>
        <translation>mehr als %1 Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <source>expected a JSON value</source>
        <translation>erwartet wurde ein JSON-Wert</translation>
    </message>
    <message>
        <source>expected a quoted key</source>
        <translation>erwartet wurde ein Schlüssel in Anführungszeichen</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after the key</source>
        <translation>erwartet wurde &apos;:&apos; nach dem Schlüssel</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>erwartet wurde &apos;,&apos; oder &apos;}&apos;</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>erwartet wurde &apos;,&apos; oder &apos;]&apos;</translation>
    </message>
    <message>
        <source>expected a digit</source>
        <translation>erwartet wurde eine Ziffer</translation>
    </message>
    <message>
        <source>expected a digit after &apos;.&apos;</source>
        <translation>erwartet wurde eine Ziffer nach &apos;.&apos;</translation>
    </message>
    <message>
        <source>expected a digit in the exponent</source>
        <translation>erwartet wurde eine Ziffer im Exponenten</translation>
    </message>
    <message>
        <source>expected the closing &apos;&quot;&apos; of this string</source>
        <translation>erwartet wurde das schließende &apos;&quot;&apos; dieser Zeichenkette</translation>
    </message>
    <message>
        <source>control character in a string (write it as an escape such as \n)</source>
        <translation>Steuerzeichen in einer Zeichenkette (schreiben Sie es als Escape-Sequenz wie \n)</translation>
    </message>
    <message>
        <source>invalid UTF-8</source>
        <translation>ungültiges UTF-8</translation>
    </message>
    <message>
        <source>expected an escape after &apos;\&apos;</source>
        <translation>erwartet wurde eine Escape-Sequenz nach &apos;\&apos;</translation>
    </message>
    <message>
        <source>expected four hex digits after \u</source>
        <translation>erwartet wurden vier Hexadezimalziffern nach \u</translation>
    </message>
    <message>
        <source>unknown escape &apos;\%1&apos;</source>
        <translation>unbekannte Escape-Sequenz &apos;\%1&apos;</translation>
    </message>
</context>
<context>
    <name>cinetune::PriceTable</name>
    <message>
        <source>expected &quot;version&quot;: %1</source>
        <translation>erwartet wurde „version“: %1</translation>
    </message>
    <message>
        <source>only &quot;currency&quot;: &quot;USD&quot; is supported</source>
        <translation>nur „currency“: „USD“ wird unterstützt</translation>
    </message>
    <message>
        <source>expected a &quot;models&quot; list</source>
        <translation>erwartet wurde eine Liste „models“</translation>
    </message>
    <message>
        <source>%1: expected an object</source>
        <translation>%1: erwartet wurde ein Objekt</translation>
    </message>
    <message>
        <source>%1: expected a &quot;model&quot; id</source>
        <translation>%1: erwartet wurde eine „model“-ID</translation>
    </message>
    <message>
        <source>%1 (%2): &quot;%3&quot; must be a price in USD per 1M tokens from 0 to 1000000</source>
        <translation>%1 (%2): „%3“ muss ein Preis in USD pro 1 Mio. Tokens zwischen 0 und 1000000 sein</translation>
    </message>
    <message>
        <source>%1: model &quot;%2&quot; appears twice</source>
        <translation>%1: Modell „%2“ kommt zweimal vor</translation>
    </message>
    <message>
        <source>Cannot read the price table %1: %2</source>
        <translation>Die Preistabelle %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2 at byte %3)</source>
        <translation>%1: kein JSON-Objekt (%2 bei Byte %3)</translation>
    </message>
    <message>
        <source>Cannot write the price table %1: %2</source>
        <translation>Die Preistabelle %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>cinetune::ProjectFile</name>
    <message>
        <source>the SQLite driver of Qt (QSQLITE) is not installed</source>
        <translation>der SQLite-Treiber von Qt (QSQLITE) ist nicht installiert</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>„%1“ konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>“%1” is empty; it is not a CineTune project.</source>
        <translation>„%1“ ist leer; es ist kein CineTune-Projekt.</translation>
    </message>
    <message>
        <source>“%1” is not a CineTune project: it is not an SQLite database.</source>
        <translation>„%1“ ist kein CineTune-Projekt: Es ist keine SQLite-Datenbank.</translation>
    </message>
    <message>
        <source>“%1” is damaged: the file is cut off.</source>
        <translation>„%1“ ist beschädigt: Die Datei ist abgeschnitten.</translation>
    </message>
    <message>
        <source>“%1” is not a readable SQLite database (damaged or encrypted): %2</source>
        <translation>„%1“ ist keine lesbare SQLite-Datenbank (beschädigt oder verschlüsselt): %2</translation>
    </message>
    <message>
        <source>“%1” is an SQLite database but not a CineTune project.</source>
        <translation>„%1“ ist eine SQLite-Datenbank, aber kein CineTune-Projekt.</translation>
    </message>
    <message>
        <source>Could not set up “%1”: %2</source>
        <translation>„%1“ konnte nicht eingerichtet werden: %2</translation>
    </message>
    <message>
        <source>Could not mark “%1” as a CineTune project: %2</source>
        <translation>„%1“ konnte nicht als CineTune-Projekt gekennzeichnet werden: %2</translation>
    </message>
    <message>
        <source>Could not remove “%1”: %2</source>
        <translation>„%1“ konnte nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>No name was given for the new project.</source>
        <translation>Für das neue Projekt wurde kein Name angegeben.</translation>
    </message>
    <message>
        <source>Could not create “%1”: a file of that name exists already. Choose another name or remove the file first.</source>
        <translation>„%1“ konnte nicht angelegt werden: Eine Datei dieses Namens existiert bereits. Wählen Sie einen anderen Namen oder entfernen Sie zuerst die Datei.</translation>
    </message>
    <message>
        <source>Could not create “%1”: the leftover file “%2” of an earlier project is in the way. Choose another name or remove it first.</source>
        <translation>„%1“ konnte nicht angelegt werden: Die übrig gebliebene Datei „%2“ eines früheren Projekts ist im Weg. Wählen Sie einen anderen Namen oder entfernen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>Could not create “%1”: the folder “%2” does not exist.</source>
        <translation>„%1“ konnte nicht angelegt werden: Der Ordner „%2“ existiert nicht.</translation>
    </message>
    <message>
        <source>Could not create “%1”: you cannot write to the folder “%2”.</source>
        <translation>„%1“ konnte nicht angelegt werden: Sie dürfen nicht in den Ordner „%2“ schreiben.</translation>
    </message>
    <message>
        <source>Could not create “%1”: %2</source>
        <translation>„%1“ konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Could not open “%1”: the file does not exist.</source>
        <translation>„%1“ konnte nicht geöffnet werden: Die Datei existiert nicht.</translation>
    </message>
    <message>
        <source>Could not open “%1”: it is a folder, not a CineTune project file.</source>
        <translation>„%1“ konnte nicht geöffnet werden: Es ist ein Ordner, keine CineTune-Projektdatei.</translation>
    </message>
    <message>
        <source>Could not open “%1”: the file is read-only. Make it writable or copy it to a folder you can write to.</source>
        <translation>„%1“ konnte nicht geöffnet werden: Die Datei ist schreibgeschützt. Machen Sie sie beschreibbar oder kopieren Sie sie in einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Could not open “%1”: you cannot write to its folder “%2”. Copy the project to a folder you can write to.</source>
        <translation>„%1“ konnte nicht geöffnet werden: Sie dürfen nicht in seinen Ordner „%2“ schreiben. Kopieren Sie das Projekt in einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Could not open “%1”: %2</source>
        <translation>„%1“ konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>“%1” was saved by a newer version of CineTune (file format %2; this version reads up to format %3). Update CineTune to open it.</source>
        <translation>„%1“ wurde mit einer neueren Version von CineTune gespeichert (Dateiformat %2; diese Version liest bis Format %3). Aktualisieren Sie CineTune, um es zu öffnen.</translation>
    </message>
    <message>
        <source>No project file was given.</source>
        <translation>Es wurde keine Projektdatei angegeben.</translation>
    </message>
    <message>
        <source>Could not record the dataset in “%1”: its path and format must not be empty.</source>
        <translation>Der Datensatz konnte nicht in „%1“ vermerkt werden: Pfad und Format dürfen nicht leer sein.</translation>
    </message>
    <message>
        <source>Could not record the dataset in “%1”: %2</source>
        <translation>Der Datensatz konnte nicht in „%1“ vermerkt werden: %2</translation>
    </message>
    <message>
        <source>Could not forget the dataset in “%1”: %2</source>
        <translation>Der Datensatz konnte nicht aus „%1“ entfernt werden: %2</translation>
    </message>
    <message>
        <source>Could not save a setting in “%1”: the setting has no name.</source>
        <translation>Eine Einstellung konnte nicht in „%1“ gespeichert werden: Die Einstellung hat keinen Namen.</translation>
    </message>
    <message>
        <source>Could not save the setting “%1” in “%2”: %3</source>
        <translation>Die Einstellung „%1“ konnte nicht in „%2“ gespeichert werden: %3</translation>
    </message>
    <message>
        <source>Could not remove the setting “%1” from “%2”: %3</source>
        <translation>Die Einstellung „%1“ konnte nicht aus „%2“ entfernt werden: %3</translation>
    </message>
    <message>
        <source>No name was given to save “%1” as.</source>
        <translation>Es wurde kein Name angegeben, unter dem „%1“ gespeichert werden soll.</translation>
    </message>
    <message>
        <source>Could not save “%1”: the file was removed while it was open. Save it under another name.</source>
        <translation>„%1“ konnte nicht gespeichert werden: Die Datei wurde entfernt, während sie geöffnet war. Speichern Sie sie unter einem anderen Namen.</translation>
    </message>
    <message>
        <source>Could not save “%1” as “%2”: a file of that name exists already. Choose another name or remove the file first.</source>
        <translation>„%1“ konnte nicht als „%2“ gespeichert werden: Eine Datei dieses Namens existiert bereits. Wählen Sie einen anderen Namen oder entfernen Sie zuerst die Datei.</translation>
    </message>
    <message>
        <source>Could not save “%1” as “%2”: the leftover file “%3” of an earlier project is in the way. Choose another name or remove it first.</source>
        <translation>„%1“ konnte nicht als „%2“ gespeichert werden: Die übrig gebliebene Datei „%3“ eines früheren Projekts ist im Weg. Wählen Sie einen anderen Namen oder entfernen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>Could not save “%1” as “%2”: the folder “%3” does not exist.</source>
        <translation>„%1“ konnte nicht als „%2“ gespeichert werden: Der Ordner „%3“ existiert nicht.</translation>
    </message>
    <message>
        <source>Could not save “%1” as “%2”: you cannot write to the folder “%3”.</source>
        <translation>„%1“ konnte nicht als „%2“ gespeichert werden: Sie dürfen nicht in den Ordner „%3“ schreiben.</translation>
    </message>
    <message>
        <source>Could not save “%1” as “%2”: %3</source>
        <translation>„%1“ konnte nicht als „%2“ gespeichert werden: %3</translation>
    </message>
    <message>
        <source>The integrity check of “%1” failed: %2</source>
        <translation>Die Integritätsprüfung von „%1“ ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>“%1” is damaged: %2</source>
        <translation>„%1“ ist beschädigt: %2</translation>
    </message>
    <message>
        <source>“%1” is damaged: a reference in table %2 points nowhere.</source>
        <translation>„%1“ ist beschädigt: Ein Verweis in Tabelle %2 zeigt ins Leere.</translation>
    </message>
    <message>
        <source>the project&apos;s prompt template</source>
        <translation>die Prompt-Vorlage des Projekts</translation>
    </message>
    <message>
        <source>Could not read “%1”: it is read-only and its last changes are still in “%1-wal”. Open it once where it can be written, or copy both files to a folder you can write to.</source>
        <translation>„%1“ konnte nicht gelesen werden: Die Datei ist schreibgeschützt, und ihre letzten Änderungen liegen noch in „%1-wal“. Öffnen Sie sie einmal an einem Ort, an dem sie geschrieben werden kann, oder kopieren Sie beide Dateien in einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Could not read “%1”: it is read-only and has file format %2, while this version of CineTune reads format %3 (an upgrade needs to write). Copy it to a folder you can write to.</source>
        <translation>„%1“ konnte nicht gelesen werden: Die Datei ist schreibgeschützt und hat das Dateiformat %2, diese Version von CineTune liest aber Format %3 (eine Aktualisierung muss schreiben). Kopieren Sie sie in einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
</context>
<context>
    <name>cinetune::PromptTemplate</name>
    <message>
        <source>&quot;{&quot; without &quot;}&quot; (write {{ for a literal brace)</source>
        <translation>„{“ ohne „}“ (schreiben Sie {{ für eine wörtliche Klammer)</translation>
    </message>
    <message>
        <source>unknown placeholder {%1} (known: {profile}, {profile_count}, {count}, {gold})</source>
        <translation>unbekannter Platzhalter {%1} (bekannt: {profile}, {profile_count}, {count}, {gold})</translation>
    </message>
    <message>
        <source>&quot;}&quot; without &quot;{&quot; (write }} for a literal brace)</source>
        <translation>„}“ ohne „{“ (schreiben Sie }} für eine wörtliche Klammer)</translation>
    </message>
    <message>
        <source>Prompt template, system text: %1</source>
        <translation>Prompt-Vorlage, Systemtext: %1</translation>
    </message>
    <message>
        <source>Prompt template, system text: {gold} (the answer) may only appear in the assistant text</source>
        <translation>Prompt-Vorlage, Systemtext: {gold} (die Antwort) darf nur im Assistant-Text vorkommen</translation>
    </message>
    <message>
        <source>Prompt template, user text: %1</source>
        <translation>Prompt-Vorlage, Nutzertext: %1</translation>
    </message>
    <message>
        <source>Prompt template, user text: {gold} (the answer) may only appear in the assistant text</source>
        <translation>Prompt-Vorlage, Nutzertext: {gold} (die Antwort) darf nur im Assistant-Text vorkommen</translation>
    </message>
    <message>
        <source>Prompt template, assistant text: %1</source>
        <translation>Prompt-Vorlage, Assistant-Text: %1</translation>
    </message>
    <message>
        <source>Prompt template, user text: {profile} is missing</source>
        <translation>Prompt-Vorlage, Nutzertext: {profile} fehlt</translation>
    </message>
    <message>
        <source>Prompt template, assistant text: {gold} is missing</source>
        <translation>Prompt-Vorlage, Assistant-Text: {gold} fehlt</translation>
    </message>
    <message>
        <source>Prompt template: the user text is empty</source>
        <translation>Prompt-Vorlage: Der Nutzertext ist leer</translation>
    </message>
    <message>
        <source>%1: expected &quot;version&quot;: %2</source>
        <translation>%1: erwartet wurde „version“: %2</translation>
    </message>
    <message>
        <source>%1: expected &quot;%2&quot; as a string</source>
        <translation>%1: erwartet wurde „%2“ als Zeichenkette</translation>
    </message>
    <message>
        <source>Cannot read the prompt template %1: %2</source>
        <translation>Die Prompt-Vorlage %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2 at byte %3)</source>
        <translation>%1: kein JSON-Objekt (%2 bei Byte %3)</translation>
    </message>
</context>
<context>
    <name>cinetune::ProviderClient</name>
    <message>
        <source>Azure OpenAI could not process the file %1: %2</source>
        <translation>Azure OpenAI konnte die Datei %1 nicht verarbeiten: %2</translation>
    </message>
    <message>
        <source>Azure OpenAI has not finished processing the file %1 after %2 minutes; submit again later (the file stays uploaded as %3).</source>
        <translation>Azure OpenAI hat die Datei %1 nach %2 Minuten noch nicht fertig verarbeitet; senden Sie später erneut (die Datei bleibt als %3 hochgeladen).</translation>
    </message>
    <message>
        <source>Waiting for Azure OpenAI to process the file %1 (status &quot;%2&quot;)…</source>
        <translation>Warten, bis Azure OpenAI die Datei %1 verarbeitet hat (Status „%2“)…</translation>
    </message>
    <message>
        <source>The job request may have reached the provider; looking it up before creating it again…</source>
        <translation>Die Auftragsanfrage hat den Anbieter vielleicht erreicht; sie wird gesucht, bevor sie erneut angelegt wird…</translation>
    </message>
    <message>
        <source>It was not created again to avoid paying twice; check the provider&apos;s job list (cinetune finetune list) before submitting again.</source>
        <translation>Er wurde nicht erneut angelegt, um nicht doppelt zu zahlen; prüfen Sie die Auftragsliste des Anbieters (cinetune finetune list), bevor Sie erneut senden.</translation>
    </message>
    <message>
        <source>No job with this request tag exists.</source>
        <translation>Es gibt keinen Auftrag mit dieser Anfragekennung.</translation>
    </message>
    <message>
        <source>The streamed answer ended before it was complete (%1 characters received).</source>
        <translation>Die gestreamte Antwort endete, bevor sie vollständig war (%1 Zeichen empfangen).</translation>
    </message>
    <message>
        <source>The provider &quot;%1&quot; has no Batch API; only OpenAI and Azure OpenAI (and the simulator) do. Run without batch mode.</source>
        <translation>Der Anbieter „%1“ hat keine Batch-API; nur OpenAI und Azure OpenAI (und der Simulator) haben eine. Starten Sie ohne Batch-Modus.</translation>
    </message>
    <message>
        <source>The batch request may have reached the provider; looking it up before creating it again…</source>
        <translation>Die Batch-Anfrage hat den Anbieter möglicherweise erreicht; sie wird gesucht, bevor sie erneut erstellt wird…</translation>
    </message>
    <message>
        <source>It was not created again to avoid paying twice; run again later to look for it once more.</source>
        <translation>Sie wurde nicht erneut erstellt, um nicht doppelt zu zahlen; starten Sie später erneut, um noch einmal danach zu suchen.</translation>
    </message>
    <message>
        <source>No batch with this request tag exists.</source>
        <translation>Es gibt keinen Batch mit dieser Anfrage-Kennung.</translation>
    </message>
    <message>
        <source>%1 answered with an error instead of a recommendation: %2</source>
        <translation>%1 antwortete mit einem Fehler statt mit einer Empfehlung: %2</translation>
    </message>
</context>
<context>
    <name>cinetune::ProviderProfile</name>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>Azure OpenAI (v1)</source>
        <translation>Azure OpenAI (v1)</translation>
    </message>
    <message>
        <source>Together AI</source>
        <translation>Together AI</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>OpenAI-kompatibler Server</translation>
    </message>
    <message>
        <source>Offline simulator (not an LLM)</source>
        <translation>Offline-Simulator (kein Sprachmodell)</translation>
    </message>
    <message>
        <source>The provider profile needs a name.</source>
        <translation>Das Anbieterprofil braucht einen Namen.</translation>
    </message>
    <message>
        <source>Provider profile &quot;%1&quot;: the name must not contain &quot;/&quot; or &quot;\&quot;.</source>
        <translation>Anbieterprofil „%1“: Der Name darf weder „/“ noch „\“ enthalten.</translation>
    </message>
    <message>
        <source>Provider profile &quot;%1&quot;: enter the base URL, e.g. https://&lt;resource&gt;.openai.azure.com/openai/v1.</source>
        <translation>Anbieterprofil „%1“: Geben Sie die Basis-URL ein, z. B. https://&lt;resource&gt;.openai.azure.com/openai/v1.</translation>
    </message>
    <message>
        <source>Provider profile &quot;%1&quot;: enter the server&apos;s base URL, e.g. http://127.0.0.1:8000/v1.</source>
        <translation>Anbieterprofil „%1“: Geben Sie die Basis-URL des Servers ein, z. B. http://127.0.0.1:8000/v1.</translation>
    </message>
    <message>
        <source>Provider profile &quot;%1&quot;: &quot;%2&quot; is not an http(s) URL.</source>
        <translation>Anbieterprofil „%1“: „%2“ ist keine http(s)-URL.</translation>
    </message>
    <message>
        <source>Provider profile &quot;%1&quot;: &quot;%2&quot; must use https:// (plain http is allowed only for 127.0.0.1, ::1 and localhost) because the API key would travel unencrypted.</source>
        <translation>Anbieterprofil „%1“: „%2“ muss https:// verwenden (einfaches http ist nur für 127.0.0.1, ::1 und localhost erlaubt), weil der API-Schlüssel sonst unverschlüsselt übertragen würde.</translation>
    </message>
    <message>
        <source>Provider profile &quot;%1&quot;: remove the user name or password from the base URL; keys belong in the keychain or an environment variable.</source>
        <translation>Anbieterprofil „%1“: Entfernen Sie Benutzername oder Passwort aus der Basis-URL; Schlüssel gehören in den Schlüsselbund oder eine Umgebungsvariable.</translation>
    </message>
    <message>
        <source>Provider profile &quot;%1&quot;: the offline simulator runs on this computer; use a 127.0.0.1 URL.</source>
        <translation>Anbieterprofil „%1“: Der Offline-Simulator läuft auf diesem Computer; verwenden Sie eine 127.0.0.1-URL.</translation>
    </message>
    <message>
        <source>Provider profile &quot;%1&quot;: concurrency must be from 1 to 256, found %2.</source>
        <translation>Anbieterprofil „%1“: Die Zahl paralleler Anfragen muss zwischen 1 und 256 liegen, gefunden: %2.</translation>
    </message>
    <message>
        <source>Provider profile &quot;%1&quot;: requests and tokens per minute must be 0 (no limit) or more.</source>
        <translation>Anbieterprofil „%1“: Anfragen und Tokens pro Minute müssen 0 (keine Grenze) oder mehr sein.</translation>
    </message>
    <message>
        <source>No API key for provider &quot;%1&quot;: store one in the keychain (Settings → Providers) or set the environment variable %2.</source>
        <translation>Kein API-Schlüssel für den Anbieter „%1“: Legen Sie einen im Schlüsselbund ab (Einstellungen → Anbieter) oder setzen Sie die Umgebungsvariable %2.</translation>
    </message>
    <message>
        <source>Provider &quot;%1&quot;: the OpenAI key (%2) is only ever sent to %3, not to %4. Give this profile a key of its own (a keychain entry or another environment variable).</source>
        <translation>Anbieter „%1“: Der OpenAI-Schlüssel (%2) wird ausschließlich an %3 gesendet, nicht an %4. Geben Sie diesem Profil einen eigenen Schlüssel (einen Eintrag im Schlüsselbund oder eine andere Umgebungsvariable).</translation>
    </message>
</context>
<context>
    <name>cinetune::RankTable</name>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <source>expected &quot;&lt;base64 token&gt; &lt;rank&gt;&quot;</source>
        <translation>erwartet wurde „&lt;Base64-Token&gt; &lt;Rang&gt;“</translation>
    </message>
    <message>
        <source>expected a base64 token, found &quot;%1&quot;</source>
        <translation>erwartet wurde ein Base64-Token, gefunden „%1“</translation>
    </message>
    <message>
        <source>expected a rank from 0 to %1</source>
        <translation>erwartet wurde ein Rang von 0 bis %1</translation>
    </message>
    <message>
        <source>%1: no tokens</source>
        <translation>%1: keine Tokens</translation>
    </message>
    <message>
        <source>%1: rank %2 appears twice</source>
        <translation>%1: Rang %2 kommt zweimal vor</translation>
    </message>
    <message>
        <source>%1: token of rank %2 appears twice</source>
        <translation>%1: Das Token mit Rang %2 kommt zweimal vor</translation>
    </message>
    <message>
        <source>%1: not a byte-level encoding (a single byte has no rank)</source>
        <translation>%1: keine Kodierung auf Byte-Ebene (ein einzelnes Byte hat keinen Rang)</translation>
    </message>
</context>
<context>
    <name>cinetune::RaterBitmaps</name>
    <message>
        <source>Indexing top ratings</source>
        <translation>Top-Bewertungen werden indiziert</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>cinetune::ResponseParser</name>
    <message>
        <source>the response is empty</source>
        <translation>die Antwort ist leer</translation>
    </message>
    <message>
        <source>no movie titles found in the response</source>
        <translation>in der Antwort wurden keine Filmtitel gefunden</translation>
    </message>
</context>
<context>
    <name>cinetune::RunLease</name>
    <message>
        <source>Could not %1 in the project: %2</source>
        <translation>Im Projekt konnte nicht %1 werden: %2</translation>
    </message>
    <message>
        <source>read the lease of run #%1</source>
        <translation>die Reservierung von Lauf Nr. %1 gelesen</translation>
    </message>
    <message>
        <source>lock run #%1</source>
        <translation>Lauf Nr. %1 gesperrt</translation>
    </message>
    <message>
        <source>The run &quot;%1&quot; is already being sent by process %2 on %3 (last sign of life %4 s ago). Wait for it to finish or stop it first; if that process is gone, the run is free again %5.</source>
        <translation>Der Lauf „%1“ wird bereits von Prozess %2 auf %3 gesendet (letztes Lebenszeichen vor %4 s). Warten Sie, bis er fertig ist, oder beenden Sie ihn zuerst; existiert dieser Prozess nicht mehr, ist der Lauf %5 wieder frei.</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>diesem Computer</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>within %1 s</source>
        <translation>innerhalb von %1 s</translation>
    </message>
    <message>
        <source>take the lease of run #%1</source>
        <translation>die Reservierung von Lauf Nr. %1 übernommen</translation>
    </message>
    <message>
        <source>Could not take the lease of run #%1: %2</source>
        <translation>Die Reservierung von Lauf Nr. %1 konnte nicht übernommen werden: %2</translation>
    </message>
    <message>
        <source>Another process took over the run &quot;%1&quot; (this one gave no sign of life for %2 s); stopped sending.</source>
        <translation>Ein anderer Prozess hat den Lauf „%1“ übernommen (dieser gab %2 s lang kein Lebenszeichen); das Senden wurde beendet.</translation>
    </message>
</context>
<context>
    <name>cinetune::RunRepository</name>
    <message>
        <source>Could not %1 in the project: %2</source>
        <translation>Im Projekt konnte nicht %1 werden: %2</translation>
    </message>
    <message>
        <source>The project has no evaluation run #%1.</source>
        <translation>Das Projekt hat keinen Auswertungslauf Nr. %1.</translation>
    </message>
    <message>
        <source>An evaluation run needs a name.</source>
        <translation>Ein Auswertungslauf braucht einen Namen.</translation>
    </message>
    <message>
        <source>The project already has an evaluation run named &quot;%1&quot;.</source>
        <translation>Das Projekt hat bereits einen Auswertungslauf namens „%1“.</translation>
    </message>
    <message>
        <source>save the evaluation run &quot;%1&quot;</source>
        <translation>der Auswertungslauf „%1“ gespeichert</translation>
    </message>
    <message>
        <source>change the run&apos;s status</source>
        <translation>der Status des Laufs geändert</translation>
    </message>
    <message>
        <source>change the run&apos;s user count</source>
        <translation>die Nutzerzahl des Laufs geändert</translation>
    </message>
    <message>
        <source>Could not start a transaction: %1</source>
        <translation>Eine Transaktion konnte nicht begonnen werden: %1</translation>
    </message>
    <message>
        <source>delete the evaluation run</source>
        <translation>der Auswertungslauf gelöscht</translation>
    </message>
    <message>
        <source>Could not delete the evaluation run: %1</source>
        <translation>Der Auswertungslauf konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>read evaluation runs</source>
        <translation>Auswertungsläufe gelesen</translation>
    </message>
    <message>
        <source>The stored spec of evaluation run &quot;%1&quot; is not valid: %2</source>
        <translation>Die gespeicherte Spezifikation des Auswertungslaufs „%1“ ist ungültig: %2</translation>
    </message>
    <message>
        <source>The project has no evaluation run named &quot;%1&quot;.</source>
        <translation>Das Projekt hat keinen Auswertungslauf namens „%1“.</translation>
    </message>
    <message>
        <source>save the response of user %1</source>
        <translation>die Antwort für Nutzer %1 gespeichert</translation>
    </message>
    <message>
        <source>Could not save the response of user %1: %2</source>
        <translation>Die Antwort für Nutzer %1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>read the response cache</source>
        <translation>der Antwort-Cache gelesen</translation>
    </message>
    <message>
        <source>read the run&apos;s responses</source>
        <translation>die Antworten des Laufs gelesen</translation>
    </message>
    <message>
        <source>count the run&apos;s responses</source>
        <translation>die Antworten des Laufs gezählt</translation>
    </message>
    <message>
        <source>mark the evaluation run as simulated</source>
        <translation>der Auswertungslauf als simuliert markiert</translation>
    </message>
    <message>
        <source>A baseline run is computed locally, not sent to a provider.</source>
        <translation>Ein Baseline-Lauf wird lokal berechnet, nicht an einen Anbieter gesendet.</translation>
    </message>
    <message>
        <source>The project already has a run named &quot;%1&quot; with other settings; choose another name to start a new run, or give the same settings to continue it.</source>
        <translation>Das Projekt hat bereits einen Lauf namens „%1“ mit anderen Einstellungen; wählen Sie einen anderen Namen, um einen neuen Lauf zu starten, oder geben Sie dieselben Einstellungen an, um ihn fortzusetzen.</translation>
    </message>
    <message>
        <source>read the runs&apos; labels</source>
        <translation>die Kurznamen der Läufe lesen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>A run&apos;s label cannot be empty.</source>
        <translation>Der Kurzname eines Laufs darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A run&apos;s label can have at most %1 characters; &quot;%2&quot; has %3.</source>
        <translation>Der Kurzname eines Laufs darf höchstens %1 Zeichen haben; „%2“ hat %3.</translation>
    </message>
    <message>
        <source>Another run of the project is already labelled &quot;%1&quot;; labels tell runs apart in tables and charts, so choose another one (for example &quot;%2&quot;).</source>
        <translation>Ein anderer Lauf des Projekts heißt bereits „%1“; Kurznamen unterscheiden die Läufe in Tabellen und Diagrammen, wählen Sie also einen anderen (zum Beispiel „%2“).</translation>
    </message>
    <message>
        <source>store the runs&apos; labels</source>
        <translation>die Kurznamen der Läufe speichern</translation>
    </message>
    <message>
        <source>rename the run</source>
        <translation>den Lauf umbenennen</translation>
    </message>
</context>
<context>
    <name>cinetune::RunSpec</name>
    <message>
        <source>The run needs a provider and a model.</source>
        <translation>Der Lauf braucht einen Anbieter und ein Modell.</translation>
    </message>
    <message>
        <source>The run needs a baseline.</source>
        <translation>Der Lauf braucht eine Baseline.</translation>
    </message>
    <message>
        <source>The run needs a gold set.</source>
        <translation>Der Lauf braucht einen Goldstandard.</translation>
    </message>
    <message>
        <source>temperature must be from 0 to 2, found %1</source>
        <translation>Die Temperatur muss zwischen 0 und 2 liegen, gefunden: %1</translation>
    </message>
    <message>
        <source>max tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>few-shot k</source>
        <translation>Few-Shot k</translation>
    </message>
    <message>
        <source>candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <source>The candidates must come from a local baseline (random, popular, itemknn or consensus), found &quot;%1&quot;.</source>
        <translation>Die Kandidaten müssen aus einer lokalen Baseline stammen (random, popular, itemknn oder consensus), gefunden: „%1“.</translation>
    </message>
    <message>
        <source>Unsupported run spec version %1 (this CineTune reads version %2).</source>
        <translation>Nicht unterstützte Version %1 der Laufbeschreibung (dieses CineTune liest Version %2).</translation>
    </message>
    <message>
        <source>The run spec names an unknown split &quot;%1&quot;.</source>
        <translation>Die Laufbeschreibung nennt eine unbekannte Aufteilung „%1“.</translation>
    </message>
    <message>
        <source>The run spec names an unknown target kind &quot;%1&quot;.</source>
        <translation>Die Laufbeschreibung nennt eine unbekannte Zielart „%1“.</translation>
    </message>
    <message>
        <source>The run spec names an unknown strategy or output format.</source>
        <translation>Die Laufbeschreibung nennt eine unbekannte Strategie oder ein unbekanntes Ausgabeformat.</translation>
    </message>
</context>
<context>
    <name>cinetune::SchemaMigrator</name>
    <message>
        <source>Could not read the file format version of “%1”: %2</source>
        <translation>Die Dateiformat-Version von „%1“ konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>“%1” is damaged: its file format version is not a single non-negative number.</source>
        <translation>„%1“ ist beschädigt: Seine Dateiformat-Version ist keine einzelne nicht-negative Zahl.</translation>
    </message>
    <message>
        <source>“%1” was saved by a newer version of CineTune (file format %2; this version reads up to format %3). Update CineTune to open it.</source>
        <translation>„%1“ wurde mit einer neueren Version von CineTune gespeichert (Dateiformat %2; diese Version liest bis Format %3). Aktualisieren Sie CineTune, um es zu öffnen.</translation>
    </message>
    <message>
        <source>Could not upgrade “%1”: %2</source>
        <translation>„%1“ konnte nicht aktualisiert werden: %2</translation>
    </message>
    <message>
        <source>Could not start upgrading “%1” (is it open in another program?): %2</source>
        <translation>Die Aktualisierung von „%1“ konnte nicht beginnen (ist es in einem anderen Programm geöffnet?): %2</translation>
    </message>
    <message>
        <source>Could not upgrade “%1” to file format %2 (%3): %4</source>
        <translation>„%1“ konnte nicht auf Dateiformat %2 aktualisiert werden (%3): %4</translation>
    </message>
    <message>
        <source>a reference in table %1 points nowhere</source>
        <translation>ein Verweis in Tabelle %1 zeigt ins Leere</translation>
    </message>
    <message>
        <source>a migration script must not contain %1 (the migrator runs each step in its own transaction)</source>
        <translation>ein Migrationsskript darf %1 nicht enthalten (jeder Schritt läuft in einer eigenen Transaktion)</translation>
    </message>
    <message>
        <source>unterminated quoted text</source>
        <translation>nicht abgeschlossener Text in Anführungszeichen</translation>
    </message>
    <message>
        <source>unterminated /* comment</source>
        <translation>nicht abgeschlossener /*-Kommentar</translation>
    </message>
    <message>
        <source>trigger body without END</source>
        <translation>Trigger-Rumpf ohne END</translation>
    </message>
</context>
<context>
    <name>cinetune::Tokenizer</name>
    <message>
        <source>%1: the token rank file is damaged or not the expected one (SHA-256 %2, expected %3)</source>
        <translation>%1: Die Token-Rangdatei ist beschädigt oder nicht die erwartete (SHA-256 %2, erwartet %3)</translation>
    </message>
    <message>
        <source>Cannot read the token rank file %1: %2</source>
        <translation>Die Token-Rangdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The o200k_base token rank file is missing (looked at: %1). Set CINETUNE_TOKENIZER_FILE to the path of o200k_base.tiktoken.</source>
        <translation>Die Token-Rangdatei o200k_base fehlt (gesucht in: %1). Setzen Sie CINETUNE_TOKENIZER_FILE auf den Pfad von o200k_base.tiktoken.</translation>
    </message>
</context>
<context>
    <name>cinetune::TrainingCost</name>
    <message>
        <source>none (simulated)</source>
        <translation>keine (simuliert)</translation>
    </message>
</context>
<context>
    <name>cinetune::openai</name>
    <message>
        <source>the batch</source>
        <translation>den Batch</translation>
    </message>
    <message>
        <source>no &quot;id&quot;</source>
        <translation>keine „id“</translation>
    </message>
    <message>
        <source>the batch list</source>
        <translation>die Batch-Liste</translation>
    </message>
    <message>
        <source>no &quot;data&quot; array</source>
        <translation>kein Array „data“</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>erwartet wurde ein JSON-Objekt</translation>
    </message>
    <message>
        <source>expected a &quot;custom_id&quot;</source>
        <translation>erwartet wurde eine „custom_id“</translation>
    </message>
    <message>
        <source>expected &quot;response.status_code&quot; (an HTTP status)</source>
        <translation>erwartet wurde „response.status_code“ (ein HTTP-Status)</translation>
    </message>
    <message>
        <source>The request failed without a reason.</source>
        <translation>Die Anfrage ist ohne Angabe eines Grundes fehlgeschlagen.</translation>
    </message>
    <message>
        <source>expected a &quot;response&quot; or an &quot;error&quot; object</source>
        <translation>erwartet wurde ein Objekt „response“ oder „error“</translation>
    </message>
    <message>
        <source>the uploaded file</source>
        <translation>die hochgeladene Datei</translation>
    </message>
    <message>
        <source>the fine-tuning job</source>
        <translation>den Feinabstimmungsauftrag</translation>
    </message>
    <message>
        <source>the job list</source>
        <translation>die Auftragsliste</translation>
    </message>
    <message>
        <source>the job&apos;s events</source>
        <translation>die Ereignisse des Auftrags</translation>
    </message>
    <message>
        <source>the job&apos;s checkpoints</source>
        <translation>die Checkpoints des Auftrags</translation>
    </message>
    <message>
        <source>the model list</source>
        <translation>die Modellliste</translation>
    </message>
    <message>
        <source>the chat answer</source>
        <translation>die Chat-Antwort</translation>
    </message>
    <message>
        <source>no &quot;choices&quot;</source>
        <translation>keine „choices“</translation>
    </message>
</context>
<context>
    <name>cinetune::protocol</name>
    <message>
        <source>The provider sent an unexpected answer for %1: %2.</source>
        <translation>Der Anbieter hat für %1 eine unerwartete Antwort gesendet: %2.</translation>
    </message>
    <message>
        <source>an HTML page, not the API&apos;s JSON (check the base URL: it usually ends in /v1)</source>
        <translation>eine HTML-Seite statt des JSON der API (prüfen Sie die Basis-URL: Sie endet meist auf /v1)</translation>
    </message>
    <message>
        <source>not valid JSON (%1 at offset %2)</source>
        <translation>kein gültiges JSON (%1 an Position %2)</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>cinetune::together</name>
    <message>
        <source>the uploaded file</source>
        <translation>die hochgeladene Datei</translation>
    </message>
    <message>
        <source>no &quot;id&quot;</source>
        <translation>keine „id“</translation>
    </message>
    <message>
        <source>the fine-tuning job</source>
        <translation>den Feinabstimmungsauftrag</translation>
    </message>
    <message>
        <source>the job list</source>
        <translation>die Auftragsliste</translation>
    </message>
    <message>
        <source>no &quot;data&quot; array</source>
        <translation>kein Array „data“</translation>
    </message>
    <message>
        <source>the job&apos;s events</source>
        <translation>die Ereignisse des Auftrags</translation>
    </message>
    <message>
        <source>the job&apos;s checkpoints</source>
        <translation>die Checkpoints des Auftrags</translation>
    </message>
    <message>
        <source>the job&apos;s metrics</source>
        <translation>die Metriken des Auftrags</translation>
    </message>
    <message>
        <source>no &quot;metrics&quot; array</source>
        <translation>kein Array „metrics“</translation>
    </message>
</context>
<context>
    <name>cinetune::ui</name>
    <message>
        <source>The folder %1 could not be created. Choose another folder.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2. Choose another folder.</source>
        <translation>%1 konnte nicht geschrieben werden: %2. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>CineTune results</source>
        <translation>CineTune-Ergebnisse</translation>
    </message>
    <message>
        <source>Run “%1” on %2</source>
        <translation>Lauf „%1“ auf %2</translation>
    </message>
    <message>
        <source>Run id</source>
        <translation>Lauf-ID</translation>
    </message>
    <message>
        <source>Users in the means</source>
        <translation>Nutzer in den Mittelwerten</translation>
    </message>
    <message>
        <source>Metric conventions</source>
        <translation>Konventionen der Metriken</translation>
    </message>
    <message>
        <source>There are no evaluation results to compare yet.</source>
        <translation>Es gibt noch keine Auswertungsergebnisse zum Vergleichen.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::AboutDialog</name>
    <message>
        <source>About CineTune</source>
        <translation>Über CineTune</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Large language models as movie recommenders: datasets, gold sets, fine-tuning and evaluation.</source>
        <translation>Große Sprachmodelle als Filmempfehlungssysteme: Datensätze, Goldstandards, Feinabstimmung und Auswertung.</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2.</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>CineTune&apos;s own code is © the CineTune authors and distributed under the terms stated in its source repository.</source>
        <translation>Der Code von CineTune selbst ist © der CineTune-Autoren und wird zu den Bedingungen verbreitet, die in seinem Quellcode-Repository genannt sind.</translation>
    </message>
    <message>
        <source>Third-party components</source>
        <translation>Komponenten von Drittanbietern</translation>
    </message>
    <message>
        <source>&lt;b&gt;Qt&lt;/b&gt; %1 — The Qt Company Ltd and contributors, used under the GNU Lesser General Public License version 3 (LGPL v3).</source>
        <translation>&lt;b&gt;Qt&lt;/b&gt; %1 — The Qt Company Ltd und Mitwirkende, verwendet unter der GNU Lesser General Public License Version 3 (LGPL v3).</translation>
    </message>
    <message>
        <source>&lt;b&gt;MovieLens ml-latest-small&lt;/b&gt; sample dataset — GroupLens Research, University of Minnesota, bundled for non-commercial research use under its licence (see its README). Please cite: F. Maxwell Harper and Joseph A. Konstan. 2015. The MovieLens Datasets: History and Context. ACM Transactions on Interactive Intelligent Systems (TiiS) 5, 4: 19:1–19:19.</source>
        <translation>&lt;b&gt;MovieLens ml-latest-small&lt;/b&gt; (Beispieldatensatz) — GroupLens Research, University of Minnesota, beigelegt zur nicht-kommerziellen Forschung gemäß seiner Lizenz (siehe seine README). Bitte zitieren: F. Maxwell Harper and Joseph A. Konstan. 2015. The MovieLens Datasets: History and Context. ACM Transactions on Interactive Intelligent Systems (TiiS) 5, 4: 19:1–19:19.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::AnswerResolver</name>
    <message>
        <source>in the catalogue</source>
        <translation>im Katalog</translation>
    </message>
    <message>
        <source>close match</source>
        <translation>ähnlicher Titel</translation>
    </message>
    <message>
        <source>not in the catalogue</source>
        <translation>nicht im Katalog</translation>
    </message>
    <message>
        <source>repeats a profile movie</source>
        <translation>wiederholt einen Profilfilm</translation>
    </message>
    <message numerus="yes">
        <source>the baseline returned only %n movie(s)</source>
        <translation>
            <numerusform>die Baseline lieferte nur %n Film</numerusform>
            <numerusform>die Baseline lieferte nur %n Filme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the answer stopped at the token limit after %n title(s)</source>
        <translation>
            <numerusform>die Antwort endete nach %n Titel am Token-Limit</numerusform>
            <numerusform>die Antwort endete nach %n Titeln am Token-Limit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the model listed only %n title(s)</source>
        <translation>
            <numerusform>das Modell nannte nur %n Titel</numerusform>
            <numerusform>das Modell nannte nur %n Titel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n title(s) in the answer did not match a movie in the dataset</source>
        <translation>
            <numerusform>%n Titel der Antwort passte zu keinem Film des Datensatzes</numerusform>
            <numerusform>%n Titel der Antwort passten zu keinem Film des Datensatzes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n title(s) repeat a movie of the profile</source>
        <translation>
            <numerusform>%n Titel wiederholt einen Film des Profils</numerusform>
            <numerusform>%n Titel wiederholen einen Film des Profils</numerusform>
        </translation>
    </message>
    <message>
        <source>Only %1 of %2 asked for: %3.</source>
        <translation>Nur %1 von %2 angefragten: %3.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::BaselineEngine</name>
    <message>
        <source>%1 (local baseline)</source>
        <translation>%1 (lokale Baseline)</translation>
    </message>
    <message>
        <source>Open a dataset first.</source>
        <translation>Öffnen Sie zuerst einen Datensatz.</translation>
    </message>
    <message>
        <source>Neighbour consensus needs a dataset user: load a user (or a random user) as the profile.</source>
        <translation>Der Nachbarschaftskonsens braucht einen Nutzer des Datensatzes: Laden Sie einen Nutzer (oder einen zufälligen Nutzer) als Profil.</translation>
    </message>
    <message numerus="yes">
        <source>%1 over %n profile movie(s), %2 wanted</source>
        <translation>
            <numerusform>%1 über %n Profilfilm, %2 gewünscht</numerusform>
            <numerusform>%1 über %n Profilfilme, %2 gewünscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n movie(s) in %1 ms</source>
        <translation>
            <numerusform>%n Film in %1 ms</numerusform>
            <numerusform>%n Filme in %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Preparing the %1 baseline</source>
        <translation>Baseline %1 wird vorbereitet</translation>
    </message>
    <message numerus="yes">
        <source>only %n movie(s) not in the profile were rated highly by enough of the user&apos;s neighbours</source>
        <translation>
            <numerusform>nur %n Film außerhalb des Profils wurde von genug Nachbarn des Nutzers hoch bewertet</numerusform>
            <numerusform>nur %n Filme außerhalb des Profils wurden von genug Nachbarn des Nutzers hoch bewertet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>only %n movie(s) of the dataset are neither in the profile nor rated by the user</source>
        <translation>
            <numerusform>nur %n Film des Datensatzes ist weder im Profil noch vom Nutzer bewertet</numerusform>
            <numerusform>nur %n Filme des Datensatzes sind weder im Profil noch vom Nutzer bewertet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cinetune::ui::ChartView</name>
    <message>
        <source>Copy Image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <source>Save Image…</source>
        <translation>Bild speichern…</translation>
    </message>
    <message>
        <source>Save Chart Image</source>
        <translation>Diagramm als Bild speichern</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.bmp)</source>
        <translation>Bilder (*.png *.jpg *.bmp)</translation>
    </message>
    <message>
        <source>The image could not be written to %1. Choose another folder or file name.</source>
        <translation>Das Bild konnte nicht nach %1 geschrieben werden. Wählen Sie einen anderen Ordner oder Dateinamen.</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>Als SVG speichern …</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern …</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>The chart could not be written to %1. Choose another folder or file name.</source>
        <translation>Das Diagramm konnte nicht nach %1 geschrieben werden. Wählen Sie einen anderen Ordner oder Dateinamen.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::CheckpointModel</name>
    <message>
        <source>Use this model id to evaluate the checkpoint.</source>
        <translation>Mit dieser Modell-ID lässt sich der Checkpoint auswerten.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Valid loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>Full-validation loss</source>
        <translation>Gesamtvalidierungsverlust</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::ColumnTargetChooser</name>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>The provider profile (or the offline simulator) or the local baseline this column asks</source>
        <translation>Das Anbieterprofil (oder der Offline-Simulator) oder die lokale Baseline, die diese Spalte befragt</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>The chat model: a base model, or a fine-tuned model id (ft:…)</source>
        <translation>Das Chat-Modell: ein Basismodell oder die ID eines feinabgestimmten Modells (ft:…)</translation>
    </message>
    <message>
        <source>Prompt strategy</source>
        <translation>Prompt-Strategie</translation>
    </message>
    <message>
        <source>Both send the paper&apos;s prompt; fine-tuned expects a fine-tuned model and prices it as one</source>
        <translation>Beide senden den Prompt des Artikels; „Feinabgestimmt“ erwartet ein feinabgestimmtes Modell und berechnet dessen Preise</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;Strategy:</source>
        <translation>&amp;Strategie:</translation>
    </message>
    <message>
        <source>Tem&amp;perature:</source>
        <translation>Tem&amp;peratur:</translation>
    </message>
    <message>
        <source>%1 (offline simulator)</source>
        <translation>%1 (Offline-Simulator)</translation>
    </message>
    <message>
        <source>%1 (local baseline)</source>
        <translation>%1 (lokale Baseline)</translation>
    </message>
    <message>
        <source>Local baseline: answers at once, no key needed</source>
        <translation>Lokale Baseline: antwortet sofort, kein Schlüssel nötig</translation>
    </message>
    <message>
        <source>No provider profiles: add one under Settings ▸ Providers</source>
        <translation>Keine Anbieterprofile: Legen Sie eines unter Einstellungen ▸ Anbieter an</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::ComparisonExport</name>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Empfehlungen</translation>
    </message>
    <message>
        <source>in the catalogue</source>
        <translation>im Katalog</translation>
    </message>
    <message>
        <source>close match</source>
        <translation>ähnlicher Titel</translation>
    </message>
    <message>
        <source>not in the catalogue</source>
        <translation>nicht im Katalog</translation>
    </message>
    <message>
        <source>repeats a profile movie</source>
        <translation>wiederholt einen Profilfilm</translation>
    </message>
    <message>
        <source>in the gold set</source>
        <translation>im Goldstandard</translation>
    </message>
    <message>
        <source>bold</source>
        <translation>fett</translation>
    </message>
    <message>
        <source>recommended by several columns</source>
        <translation>von mehreren Spalten empfohlen</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::DatasetCharts</name>
    <message>
        <source>%1M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>%1k</source>
        <translation>%1k</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Rating distribution</source>
        <translation>Verteilung der Bewertungen</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Rating (stars, half-star steps)</source>
        <translation>Bewertung (Sterne, in halben Sternen)</translation>
    </message>
    <message>
        <source>Rating (stars)</source>
        <translation>Bewertung (Sterne)</translation>
    </message>
    <message>
        <source>Rating %1: %2 ratings (%3 %)</source>
        <translation>Bewertung %1: %2 Bewertungen (%3 %)</translation>
    </message>
    <message>
        <source>Ratings per month</source>
        <translation>Bewertungen pro Monat</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>%1: %2 ratings</source>
        <translation>%1: %2 Bewertungen</translation>
    </message>
    <message>
        <source>Movie popularity (long tail)</source>
        <translation>Beliebtheit der Filme (Long Tail)</translation>
    </message>
    <message>
        <source>Movies ranked by number of ratings</source>
        <translation>Filme nach Anzahl der Bewertungen geordnet</translation>
    </message>
    <message>
        <source>Ratings (log scale)</source>
        <translation>Bewertungen (log.)</translation>
    </message>
    <message>
        <source>Rank %1: %2 ratings</source>
        <translation>Rang %1: %2 Bewertungen</translation>
    </message>
    <message>
        <source>User activity</source>
        <translation>Aktivität der Nutzer</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>%1 users with %2 ratings</source>
        <translation>%1 Nutzer mit %2 Bewertungen</translation>
    </message>
    <message>
        <source>Ratings per user (log₂ bins)</source>
        <translation>Bewertungen pro Nutzer (log₂-Klassen)</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::DatasetController</name>
    <message>
        <source>Preparing the sample dataset</source>
        <translation>Beispieldatensatz wird vorbereitet</translation>
    </message>
    <message>
        <source>The embedded sample dataset could not be extracted. Check that there is free space in your data folder.</source>
        <translation>Der eingebettete Beispieldatensatz konnte nicht entpackt werden. Prüfen Sie, ob in Ihrem Datenordner genug Platz frei ist.</translation>
    </message>
    <message>
        <source>Preparing views</source>
        <translation>Ansichten werden vorbereitet</translation>
    </message>
    <message>
        <source>The dataset cache is already empty.</source>
        <translation>Der Datensatz-Cache ist bereits leer.</translation>
    </message>
    <message>
        <source>Cleared the dataset cache (%1 freed).</source>
        <translation>Datensatz-Cache geleert (%1 freigegeben).</translation>
    </message>
    <message>
        <source>Loading dataset</source>
        <translation>Datensatz wird geladen</translation>
    </message>
    <message>
        <source>Clearing the dataset cache</source>
        <translation>Datensatz-Cache wird geleert</translation>
    </message>
    <message numerus="yes">
        <source>%n cache file(s) could not be deleted from %1. Close other CineTune windows and try again.</source>
        <translation>
            <numerusform>%n Cache-Datei konnte nicht aus %1 gelöscht werden. Schließen Sie andere CineTune-Fenster und versuchen Sie es erneut.</numerusform>
            <numerusform>%n Cache-Dateien konnten nicht aus %1 gelöscht werden. Schließen Sie andere CineTune-Fenster und versuchen Sie es erneut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cinetune::ui::DatasetPage</name>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <source>Open a ratings file (ratings.csv, ratings.dat, u.data, combined_data_1.txt …)</source>
        <translation>Eine Bewertungsdatei öffnen (ratings.csv, ratings.dat, u.data, combined_data_1.txt …)</translation>
    </message>
    <message>
        <source>Open Folder…</source>
        <translation>Ordner öffnen…</translation>
    </message>
    <message>
        <source>Open a dataset folder (MovieLens or Netflix Prize)</source>
        <translation>Einen Datensatz-Ordner öffnen (MovieLens oder Netflix Prize)</translation>
    </message>
    <message>
        <source>Open Sample</source>
        <translation>Beispiel öffnen</translation>
    </message>
    <message>
        <source>Open the bundled MovieLens ml-latest-small sample</source>
        <translation>Den beigelegten Beispieldatensatz MovieLens ml-latest-small öffnen</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <source>Movies</source>
        <translation>Filme</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>No dataset loaded</source>
        <translation>Kein Datensatz geladen</translation>
    </message>
    <message>
        <source>Drop a dataset file or folder here, or use the buttons above.

Supported: MovieLens (ratings.csv + movies.csv, ratings.dat, u.data) and the Netflix Prize data (combined_data_*.txt or training_set/ with movie_titles).</source>
        <translation>Ziehen Sie eine Datensatz-Datei oder einen Ordner hierher oder verwenden Sie die Schaltflächen oben.

Unterstützt: MovieLens (ratings.csv + movies.csv, ratings.dat, u.data) und die Netflix-Prize-Daten (combined_data_*.txt oder training_set/ mit movie_titles).</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Movies in catalogue</source>
        <translation>Filme im Katalog</translation>
    </message>
    <message>
        <source>Rated movies</source>
        <translation>Bewertete Filme</translation>
    </message>
    <message>
        <source>Density</source>
        <translation>Dichte</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Rating scale</source>
        <translation>Bewertungsskala</translation>
    </message>
    <message>
        <source>Notes from loading</source>
        <translation>Hinweise vom Laden</translation>
    </message>
    <message>
        <source>Search titles and years — case and accents are ignored</source>
        <translation>Titel und Jahre durchsuchen — Groß-/Kleinschreibung und Akzente werden ignoriert</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>Nutzer-ID</translation>
    </message>
    <message>
        <source>Show Ratings</source>
        <translation>Bewertungen anzeigen</translation>
    </message>
    <message>
        <source>User ID:</source>
        <translation>Nutzer-ID:</translation>
    </message>
    <message>
        <source>Open Dataset File</source>
        <translation>Datensatz-Datei öffnen</translation>
    </message>
    <message>
        <source>Rating files (*.csv *.dat *.data *.txt);;All files (*)</source>
        <translation>Bewertungsdateien (*.csv *.dat *.data *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Dataset Folder</source>
        <translation>Datensatz-Ordner öffnen</translation>
    </message>
    <message>
        <source>%1 movies</source>
        <translation>%1 Filme</translation>
    </message>
    <message>
        <source>Showing %1 of %2 movies</source>
        <translation>%1 von %2 Filmen</translation>
    </message>
    <message>
        <source>Enter a user ID as it appears in the dataset&apos;s ratings file.</source>
        <translation>Geben Sie eine Nutzer-ID so ein, wie sie in der Bewertungsdatei des Datensatzes steht.</translation>
    </message>
    <message>
        <source>Open a dataset first.</source>
        <translation>Öffnen Sie zuerst einen Datensatz.</translation>
    </message>
    <message>
        <source>There is no user with ID %1 in this dataset.</source>
        <translation>In diesem Datensatz gibt es keinen Nutzer mit der ID %1.</translation>
    </message>
    <message>
        <source>User %1 has no ratings.</source>
        <translation>Nutzer %1 hat keine Bewertungen.</translation>
    </message>
    <message>
        <source>User %1: %2 ratings, mean %3, from %4 to %5</source>
        <translation>Nutzer %1: %2 Bewertungen, Mittel %3, vom %4 bis %5</translation>
    </message>
    <message>
        <source>the MovieLens sample</source>
        <translation>das MovieLens-Beispiel</translation>
    </message>
    <message>
        <source>Loading %1 … (progress and Cancel in the status bar)</source>
        <translation>Lade %1 … (Fortschritt und Abbrechen in der Statusleiste)</translation>
    </message>
    <message>
        <source>Loading %1 …</source>
        <translation>Lade %1 …</translation>
    </message>
    <message>
        <source>No dataset is loaded. Drop a dataset file or folder here, or use the buttons above.</source>
        <translation>Es ist kein Datensatz geladen. Ziehen Sie eine Datensatz-Datei oder einen Ordner hierher oder verwenden Sie die Schaltflächen oben.</translation>
    </message>
    <message>
        <source>Fix the file at the place shown, or choose another file or folder. CineTune reads MovieLens (ratings.csv + movies.csv, ratings.dat, u.data) and Netflix Prize data (combined_data_*.txt, training_set/).</source>
        <translation>Korrigieren Sie die Datei an der angegebenen Stelle oder wählen Sie eine andere Datei bzw. einen anderen Ordner. CineTune liest MovieLens (ratings.csv + movies.csv, ratings.dat, u.data) und Netflix-Prize-Daten (combined_data_*.txt, training_set/).</translation>
    </message>
    <message>
        <source>The dataset loaded before is still open.</source>
        <translation>Der zuvor geladene Datensatz bleibt geöffnet.</translation>
    </message>
    <message>
        <source>Could not load %1</source>
        <translation>%1 konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>MovieLens ml-latest-small (bundled sample)</source>
        <translation>MovieLens ml-latest-small (beigelegtes Beispiel)</translation>
    </message>
    <message>
        <source>opened from cache in %1 s</source>
        <translation>in %1 s aus dem Cache geöffnet</translation>
    </message>
    <message>
        <source>parsed in %1 s</source>
        <translation>in %1 s eingelesen</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>IDs from %1 to %2</source>
        <translation>IDs von %1 bis %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>0.5–5 stars, half steps</source>
        <translation>0,5–5 Sterne, halbe Schritte</translation>
    </message>
    <message>
        <source>1–5 stars</source>
        <translation>1–5 Sterne</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::EvaluatePage</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Save Project…</source>
        <translation>Projekt speichern…</translation>
    </message>
    <message>
        <source>Go to Dataset</source>
        <translation>Zum Datensatz</translation>
    </message>
    <message>
        <source>Go to Gold Set</source>
        <translation>Zum Goldstandard</translation>
    </message>
    <message>
        <source>New Run…</source>
        <translation>Neuer Lauf…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retry Failed</source>
        <translation>Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>The run stopped</source>
        <translation>Der Lauf wurde beendet</translation>
    </message>
    <message>
        <source>Runs are stored in the project file, and this is an unsaved session. Save the project to evaluate models.</source>
        <translation>Läufe werden in der Projektdatei gespeichert, und dies ist eine ungespeicherte Sitzung. Speichern Sie das Projekt, um Modelle zu evaluieren.</translation>
    </message>
    <message>
        <source>No dataset is loaded. Load the dataset the gold sets were built from.</source>
        <translation>Es ist kein Datensatz geladen. Laden Sie den Datensatz, aus dem die Goldstandards erstellt wurden.</translation>
    </message>
    <message>
        <source>The project has no gold set yet. Build one in the Gold set step.</source>
        <translation>Das Projekt hat noch keinen Goldstandard. Erstellen Sie einen im Schritt Goldstandard.</translation>
    </message>
    <message>
        <source>Not everything is ready</source>
        <translation>Noch nicht alles ist bereit</translation>
    </message>
    <message>
        <source>%1 / %2 users</source>
        <translation>%1 / %2 Nutzer</translation>
    </message>
    <message>
        <source>%1 prompt + %2 answer tokens</source>
        <translation>%1 Prompt- + %2 Antwort-Tokens</translation>
    </message>
    <message>
        <source>cost: unknown price</source>
        <translation>Kosten: Preis unbekannt</translation>
    </message>
    <message>
        <source>cost so far: $%1</source>
        <translation>Kosten bisher: $%1</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <source>The run did not start</source>
        <translation>Der Lauf wurde nicht gestartet</translation>
    </message>
    <message>
        <source>The run did not resume</source>
        <translation>Der Lauf wurde nicht fortgesetzt</translation>
    </message>
    <message>
        <source>The failed users were not sent again</source>
        <translation>Die fehlgeschlagenen Nutzer wurden nicht erneut gesendet</translation>
    </message>
    <message>
        <source>Delete Run</source>
        <translation>Lauf löschen</translation>
    </message>
    <message>
        <source>Delete the run &quot;%1&quot; and its stored responses? Answers stay in the response cache.</source>
        <translation>Den Lauf „%1“ und seine gespeicherten Antworten löschen? Die Antworten bleiben im Antwort-Cache.</translation>
    </message>
    <message>
        <source>The run was not deleted</source>
        <translation>Der Lauf wurde nicht gelöscht</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen …</translation>
    </message>
    <message>
        <source>Open the Dataset step to load the project&apos;s dataset</source>
        <translation>Den Schritt „Datensatz“ öffnen, um den Datensatz des Projekts zu laden</translation>
    </message>
    <message>
        <source>Give the selected run another short label (F2)</source>
        <translation>Dem gewählten Lauf einen anderen Kurznamen geben (F2)</translation>
    </message>
    <message>
        <source>cost: none (simulated)</source>
        <translation>Kosten: keine (simuliert)</translation>
    </message>
    <message>
        <source>The run was not renamed</source>
        <translation>Der Lauf wurde nicht umbenannt</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::EvaluationController</name>
    <message>
        <source>Load the project&apos;s dataset first (Dataset step).</source>
        <translation>Laden Sie zuerst den Datensatz des Projekts (Schritt Datensatz).</translation>
    </message>
    <message>
        <source>The gold set &quot;%1&quot; has no user in the %2 split.</source>
        <translation>Der Goldstandard „%1“ hat keinen Nutzer in der Aufteilung %2.</translation>
    </message>
    <message>
        <source>There is no provider profile named &quot;%1&quot;.</source>
        <translation>Es gibt kein Anbieterprofil namens „%1“.</translation>
    </message>
    <message>
        <source>Baseline run &quot;%1&quot;</source>
        <translation>Baseline-Lauf „%1“</translation>
    </message>
    <message>
        <source>Open the project first.</source>
        <translation>Öffnen Sie zuerst das Projekt.</translation>
    </message>
    <message>
        <source>Cancel the run before deleting it.</source>
        <translation>Brechen Sie den Lauf ab, bevor Sie ihn löschen.</translation>
    </message>
    <message>
        <source>Request failed (%1): %2</source>
        <translation>Anfrage fehlgeschlagen (%1): %2</translation>
    </message>
    <message>
        <source>Few-shot examples come from the train split, and the gold set &quot;%1&quot; has no user in it. Build a gold set with a train share, or choose another strategy.</source>
        <translation>Few-Shot-Beispiele stammen aus dem Trainingsanteil, und der Goldstandard „%1“ hat dort keinen Nutzer. Erstellen Sie einen Goldstandard mit Trainingsanteil oder wählen Sie eine andere Strategie.</translation>
    </message>
    <message>
        <source>No project is open, so the run cannot be stored.</source>
        <translation>Kein Projekt ist geöffnet, daher kann der Lauf nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Scoring run &quot;%1&quot;</source>
        <translation>Lauf „%1“ wird bewertet</translation>
    </message>
    <message>
        <source>Estimating the run&apos;s cost</source>
        <translation>Kosten des Laufs werden geschätzt</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>Kein Projekt ist geöffnet.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::FineTuneController</name>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Counting tokens</source>
        <translation>Tokens werden gezählt</translation>
    </message>
    <message>
        <source>Submitting fine-tuning job</source>
        <translation>Feinabstimmungsauftrag wird gesendet</translation>
    </message>
    <message>
        <source>The submission was cancelled.</source>
        <translation>Das Senden wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Uploading (%1 %)</source>
        <translation>Hochladen (%1 %)</translation>
    </message>
    <message>
        <source>Add an Azure OpenAI or Together AI profile under Settings ▸ Providers and submit the job there.</source>
        <translation>Legen Sie unter Einstellungen ▸ Anbieter ein Profil für Azure OpenAI oder Together AI an und senden Sie den Auftrag dort.</translation>
    </message>
    <message>
        <source>Check the API key of the profile (Settings ▸ Providers ▸ Test Connection).</source>
        <translation>Prüfen Sie den API-Schlüssel des Profils (Einstellungen ▸ Anbieter ▸ Verbindung testen).</translation>
    </message>
    <message>
        <source>Choose a base model the provider offers (Test Connection lists them).</source>
        <translation>Wählen Sie ein Basismodell, das der Anbieter anbietet („Verbindung testen“ listet sie auf).</translation>
    </message>
    <message>
        <source>Add credit or raise the quota in the provider&apos;s billing settings, then submit again.</source>
        <translation>Laden Sie Guthaben auf oder erhöhen Sie das Kontingent in den Abrechnungseinstellungen des Anbieters und senden Sie dann erneut.</translation>
    </message>
    <message>
        <source>Wait a minute and try again, or lower the profile&apos;s requests per minute.</source>
        <translation>Warten Sie eine Minute und versuchen Sie es erneut oder senken Sie die Anfragen pro Minute des Profils.</translation>
    </message>
    <message>
        <source>Check the network connection and the profile&apos;s base URL, then try again.</source>
        <translation>Prüfen Sie die Netzwerkverbindung und die Basis-URL des Profils und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Fix the profile under Settings ▸ Providers.</source>
        <translation>Korrigieren Sie das Profil unter Einstellungen ▸ Anbieter.</translation>
    </message>
    <message>
        <source>Open or save a project first: jobs are kept in the project.</source>
        <translation>Öffnen oder speichern Sie zuerst ein Projekt: Aufträge werden im Projekt gespeichert.</translation>
    </message>
    <message>
        <source>Only a job request the provider never confirmed can be discarded.</source>
        <translation>Nur eine Auftragsanfrage, die der Anbieter nie bestätigt hat, kann verworfen werden.</translation>
    </message>
    <message>
        <source>No project is open, so the job cannot be stored. Open a project (File ▸ Open Project…) and submit again.</source>
        <translation>Kein Projekt ist geöffnet, daher kann der Auftrag nicht gespeichert werden. Öffnen Sie ein Projekt (Datei ▸ Projekt öffnen…) und senden Sie erneut.</translation>
    </message>
    <message>
        <source>Reading the fine-tuning data</source>
        <translation>Feinabstimmungsdaten werden gelesen</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::FineTunePage</name>
    <message>
        <source>Chat fine-tuning data (*.jsonl);;All files (*)</source>
        <translation>Chat-Feinabstimmungsdaten (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Submit Job</source>
        <translation>Auftrag senden</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>Feinabstimmung</translation>
    </message>
    <message>
        <source>Jobs in this project</source>
        <translation>Aufträge in diesem Projekt</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>Provider and model</source>
        <translation>Anbieter und Modell</translation>
    </message>
    <message>
        <source>Providers…</source>
        <translation>Anbieter…</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <source>Base model:</source>
        <translation>Basismodell:</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <source>Choose a .jsonl file</source>
        <translation>Eine .jsonl-Datei wählen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Training:</source>
        <translation>Training:</translation>
    </message>
    <message>
        <source>Choose Training Data</source>
        <translation>Trainingsdaten wählen</translation>
    </message>
    <message>
        <source>Validation:</source>
        <translation>Validierung:</translation>
    </message>
    <message>
        <source>Choose Validation Data</source>
        <translation>Validierungsdaten wählen</translation>
    </message>
    <message>
        <source>Hyper-parameters (paper, Table 1)</source>
        <translation>Hyperparameter (Artikel, Tabelle 1)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>e.g. movies (part of the model name)</source>
        <translation>z. B. movies (Teil des Modellnamens)</translation>
    </message>
    <message>
        <source>random</source>
        <translation>zufällig</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Learning-rate multiplier:</source>
        <translation>Lernraten-Faktor:</translation>
    </message>
    <message>
        <source>Suffix:</source>
        <translation>Suffix:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <source>Token and cost estimate</source>
        <translation>Token- und Kostenschätzung</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>Beispiele:</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Tokens:</translation>
    </message>
    <message>
        <source>Billed tokens:</source>
        <translation>Berechnete Tokens:</translation>
    </message>
    <message>
        <source>Training cost:</source>
        <translation>Trainingskosten:</translation>
    </message>
    <message>
        <source>Offline simulator — not an LLM. It shows the whole flow without a provider account; every result made with it is marked as simulated.</source>
        <translation>Offline-Simulator — kein Sprachmodell. Er zeigt den ganzen Ablauf ohne Anbieterkonto; jedes damit erzielte Ergebnis ist als simuliert gekennzeichnet.</translation>
    </message>
    <message>
        <source>No provider yet: click Providers…</source>
        <translation>Noch kein Anbieter: Klicken Sie auf Anbieter…</translation>
    </message>
    <message>
        <source>%1 (validation: %2)</source>
        <translation>%1 (Validierung: %2)</translation>
    </message>
    <message>
        <source>unknown (no price for %1)</source>
        <translation>unbekannt (kein Preis für %1)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Warnung:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fix the errors above before submitting.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Beheben Sie die Fehler oben, bevor Sie senden.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add a provider first (Providers…).</source>
        <translation>Legen Sie zuerst einen Anbieter an (Anbieter…).</translation>
    </message>
    <message>
        <source>Choose the training data first.</source>
        <translation>Wählen Sie zuerst die Trainingsdaten.</translation>
    </message>
    <message>
        <source>The training data has errors; see the estimate.</source>
        <translation>Die Trainingsdaten enthalten Fehler; siehe die Schätzung.</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>The job was not submitted</source>
        <translation>Der Auftrag wurde nicht gesendet</translation>
    </message>
    <message>
        <source>Submitted %1.</source>
        <translation>%1 gesendet.</translation>
    </message>
    <message>
        <source>Pick a gold set of the project: its training and validation splits are written as fine-tuning JSONL and fill the files below</source>
        <translation>Einen Goldstandard des Projekts wählen: Seine Trainings- und Validierungsanteile werden als Feinabstimmungs-JSONL geschrieben und füllen die Dateien unten</translation>
    </message>
    <message>
        <source>Files…</source>
        <translation>Dateien…</translation>
    </message>
    <message>
        <source>&amp;Gold set:</source>
        <translation>&amp;Goldstandard:</translation>
    </message>
    <message>
        <source>%1 (%2 training, %3 validation users)</source>
        <translation>%1 (%2 Trainings-, %3 Validierungsnutzer)</translation>
    </message>
    <message>
        <source>No gold set in this project yet: build one on the &lt;a href=&quot;#&quot;&gt;Gold set step&lt;/a&gt;, or choose chat fine-tuning JSONL files below.</source>
        <translation>Noch kein Goldstandard in diesem Projekt: Erstellen Sie einen im &lt;a href=&quot;#&quot;&gt;Schritt Goldstandard&lt;/a&gt; oder wählen Sie unten Chat-Feinabstimmungsdateien (JSONL).</translation>
    </message>
    <message>
        <source>Pick a gold set, or choose chat fine-tuning JSONL files below.</source>
        <translation>Wählen Sie einen Goldstandard oder unten Chat-Feinabstimmungsdateien (JSONL).</translation>
    </message>
    <message>
        <source>Writing the training and validation data to %1…</source>
        <translation>Trainings- und Validierungsdaten werden nach %1 geschrieben…</translation>
    </message>
    <message>
        <source>next to the project</source>
        <translation>neben das Projekt</translation>
    </message>
    <message>
        <source>Written %1: %2</source>
        <translation>Geschrieben %1: %2</translation>
    </message>
    <message>
        <source>LoRA adapter (else full fine-tuning)</source>
        <translation>LoRA-Adapter (sonst vollständige Feinabstimmung)</translation>
    </message>
    <message>
        <source>Import from Provider</source>
        <translation>Vom Anbieter importieren</translation>
    </message>
    <message>
        <source>List the chosen provider&apos;s fine-tuning jobs and add those this project does not have yet</source>
        <translation>Die Feinabstimmungsaufträge des gewählten Anbieters auflisten und die hinzufügen, die dieses Projekt noch nicht hat</translation>
    </message>
    <message>
        <source>Could not list the jobs of %1: %2</source>
        <translation>Die Aufträge von %1 konnten nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <source>Jobs at %1: %2 imported, %3 already in the project.</source>
        <translation>Aufträge bei %1: %2 importiert, %3 bereits im Projekt.</translation>
    </message>
    <message>
        <source>Together AI takes an absolute learning rate (default 0.00001)</source>
        <translation>Together AI verwendet eine absolute Lernrate (Standard 0,00001)</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <source>LoRA rank:</source>
        <translation>LoRA-Rang:</translation>
    </message>
    <message>
        <source>Listing the jobs of %1…</source>
        <translation>Aufträge von %1 werden aufgelistet…</translation>
    </message>
    <message>
        <source>in a temporary folder for this untitled session</source>
        <translation>in einem temporären Ordner dieser unbenannten Sitzung</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::GoldSetController</name>
    <message>
        <source>paper50</source>
        <translation>paper50</translation>
    </message>
    <message>
        <source>paper60</source>
        <translation>paper60</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>temporal hold-out</source>
        <translation>zeitlicher Hold-out</translation>
    </message>
    <message>
        <source>custom hold-out</source>
        <translation>eigener Hold-out</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>eigene</translation>
    </message>
    <message>
        <source>There is no gold set #%1.</source>
        <translation>Es gibt keinen Goldstandard #%1.</translation>
    </message>
    <message>
        <source>Gold set</source>
        <translation>Goldstandard</translation>
    </message>
    <message>
        <source>Load a dataset first (Dataset step).</source>
        <translation>Laden Sie zuerst einen Datensatz (Schritt Datensatz).</translation>
    </message>
    <message>
        <source>The build was canceled.</source>
        <translation>Die Erstellung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Building a gold set</source>
        <translation>Goldstandard wird erstellt</translation>
    </message>
    <message>
        <source>%1 fine-tuning data</source>
        <translation>%1 Feinabstimmungsdaten</translation>
    </message>
    <message>
        <source>The movie titles come from the dataset: load the dataset &quot;%1&quot; was built from (Dataset step) first.</source>
        <translation>Die Filmtitel stammen aus dem Datensatz: Laden Sie zuerst den Datensatz, aus dem „%1“ erstellt wurde (Schritt Datensatz).</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Writing fine-tuning data</source>
        <translation>Feinabstimmungsdaten werden geschrieben</translation>
    </message>
    <message>
        <source>the preview</source>
        <translation>die Vorschau</translation>
    </message>
    <message>
        <source>the example</source>
        <translation>das Beispiel</translation>
    </message>
    <message>
        <source>No project is open, so gold sets cannot be stored.</source>
        <translation>Kein Projekt ist geöffnet, daher können Goldstandards nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Previewing the gold set</source>
        <translation>Vorschau des Goldstandards wird erstellt</translation>
    </message>
    <message>
        <source>the gold set</source>
        <translation>der Goldstandard</translation>
    </message>
    <message>
        <source>Counting eligible users</source>
        <translation>Geeignete Nutzer werden gezählt</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::GoldSetPage</name>
    <message>
        <source>Save Project As…</source>
        <translation>Projekt speichern unter…</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Export &amp;JSONL…</source>
        <translation>&amp;JSONL exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;Fine-tuning Data…</source>
        <translation>&amp;Feinabstimmungsdaten exportieren…</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Gold set</source>
        <translation>Goldstandard</translation>
    </message>
    <message>
        <source>No dataset is loaded: load one to build gold sets and to see movie titles.</source>
        <translation>Kein Datensatz geladen: Laden Sie einen, um Goldstandards zu erstellen und Filmtitel zu sehen.</translation>
    </message>
    <message>
        <source>Go to the Dataset Step</source>
        <translation>Zum Schritt Datensatz</translation>
    </message>
    <message>
        <source>Build a new gold set with the wizard</source>
        <translation>Einen neuen Goldstandard mit dem Assistenten erstellen</translation>
    </message>
    <message>
        <source>Save the gold set as JSON Lines (one user per line, source ids)</source>
        <translation>Den Goldstandard als JSON Lines speichern (ein Nutzer pro Zeile, Quell-IDs)</translation>
    </message>
    <message>
        <source>Write the training and validation splits as chat fine-tuning JSONL (the paper&apos;s prompt)</source>
        <translation>Trainings- und Validierungsanteil als Chat-Feinabstimmungs-JSONL schreiben (Prompt des Papers)</translation>
    </message>
    <message>
        <source>Select two gold sets (Ctrl+click) to compare their users and gold movies</source>
        <translation>Zwei Goldstandards auswählen (Strg+Klick), um ihre Nutzer und Goldfilme zu vergleichen</translation>
    </message>
    <message>
        <source>No gold set yet. Click New… to build one from the loaded dataset: the paper&apos;s neighbour-consensus gold sets (paper50, paper60) or a temporal hold-out.</source>
        <translation>Noch kein Goldstandard. Klicken Sie auf Neu…, um einen aus dem geladenen Datensatz zu erstellen: die Nachbarschaftskonsens-Goldstandards des Papers (paper50, paper60) oder einen zeitlichen Hold-out.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Gold sets not saved</source>
        <translation>Goldstandards nicht gespeichert</translation>
    </message>
    <message>
        <source>The fine-tuning data was not written</source>
        <translation>Die Feinabstimmungsdaten wurden nicht geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>Training: %1 (%n example(s))</source>
        <translation>
            <numerusform>Training: %1 (%n Beispiel)</numerusform>
            <numerusform>Training: %1 (%n Beispiele)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Validation: %1 (%n example(s))</source>
        <translation>
            <numerusform>Validierung: %1 (%n Beispiel)</numerusform>
            <numerusform>Validierung: %1 (%n Beispiele)</numerusform>
        </translation>
    </message>
    <message>
        <source>Fine-tuning data written</source>
        <translation>Feinabstimmungsdaten geschrieben</translation>
    </message>
    <message>
        <source>Search a user id or words of a title</source>
        <translation>Nach Nutzer-ID oder Wörtern eines Titels suchen</translation>
    </message>
    <message>
        <source>All splits</source>
        <translation>Alle Anteile</translation>
    </message>
    <message>
        <source>%1 of %2 users</source>
        <translation>%1 von %2 Nutzern</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Select two gold sets (Ctrl+click) and click Compare.</source>
        <translation>Zwei Goldstandards auswählen (Strg+Klick) und auf Vergleichen klicken.</translation>
    </message>
    <message>
        <source>Gold sets are saved in the project %1.</source>
        <translation>Goldstandards werden im Projekt %1 gespeichert.</translation>
    </message>
    <message>
        <source>The gold set&apos;s users could not be read</source>
        <translation>Die Nutzer des Goldstandards konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>The gold set was not renamed</source>
        <translation>Der Goldstandard wurde nicht umbenannt</translation>
    </message>
    <message>
        <source>The gold set was not deleted</source>
        <translation>Der Goldstandard wurde nicht gelöscht</translation>
    </message>
    <message>
        <source>The gold set was not exported</source>
        <translation>Der Goldstandard wurde nicht exportiert</translation>
    </message>
    <message>
        <source>Gold set exported</source>
        <translation>Goldstandard exportiert</translation>
    </message>
    <message>
        <source>The gold sets could not be compared</source>
        <translation>Die Goldstandards konnten nicht verglichen werden</translation>
    </message>
    <message>
        <source>A gold set is missing.</source>
        <translation>Ein Goldstandard fehlt.</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Users in both</source>
        <translation>Nutzer in beiden</translation>
    </message>
    <message>
        <source>%1 (Jaccard %2)</source>
        <translation>%1 (Jaccard %2)</translation>
    </message>
    <message>
        <source>Gold overlap per common user</source>
        <translation>Gold-Überlappung pro gemeinsamem Nutzer</translation>
    </message>
    <message>
        <source>mean Jaccard %1</source>
        <translation>mittlerer Jaccard %1</translation>
    </message>
    <message>
        <source>Identical gold lists</source>
        <translation>Identische Goldlisten</translation>
    </message>
    <message>
        <source>%1 of %2 common users</source>
        <translation>%1 von %2 gemeinsamen Nutzern</translation>
    </message>
    <message>
        <source>Different seeds or user counts sample different users: compare sets built for the same users to see the effect of the other parameters.</source>
        <translation>Andere Startwerte oder Nutzerzahlen ziehen andere Nutzer: Vergleichen Sie Goldstandards derselben Nutzer, um die Wirkung der übrigen Parameter zu sehen.</translation>
    </message>
    <message>
        <source>Gold-list sizes side by side</source>
        <translation>Größen der Goldlisten nebeneinander</translation>
    </message>
    <message>
        <source>Rename Gold Set</source>
        <translation>Goldstandard umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Delete Gold Set</source>
        <translation>Goldstandard löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete the gold set &quot;%1&quot; (%n user(s)) from the project?</source>
        <translation>
            <numerusform>Den Goldstandard „%1“ (%n Nutzer) aus dem Projekt löschen?</numerusform>
            <numerusform>Den Goldstandard „%1“ (%n Nutzer) aus dem Projekt löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>This cannot be undone. Fine-tuning files already written from it are kept.</source>
        <translation>Das lässt sich nicht rückgängig machen. Bereits daraus geschriebene Feinabstimmungsdateien bleiben erhalten.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Export Gold Set</source>
        <translation>Goldstandard exportieren</translation>
    </message>
    <message>
        <source>Gold set (*.jsonl);;All files (*)</source>
        <translation>Goldstandard (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Folder for the Fine-tuning Data</source>
        <translation>Ordner für die Feinabstimmungsdaten</translation>
    </message>
    <message>
        <source>Untitled project: gold sets are kept until you close it. Save the project to keep them.</source>
        <translation>Unbenanntes Projekt: Goldstandards bleiben erhalten, bis Sie es schließen. Speichern Sie das Projekt, um sie zu behalten.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::GoldSetSummaryView</name>
    <message>
        <source>min %1, median %2, max %3, mean %4</source>
        <translation>min. %1, Median %2, max. %3, Mittel %4</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>temporal hold-out</source>
        <translation>zeitlicher Hold-out</translation>
    </message>
    <message>
        <source>neighbour consensus</source>
        <translation>Nachbarschaftskonsens</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message numerus="yes">
        <source>%n listed user(s)</source>
        <translation>
            <numerusform>%n aufgeführter Nutzer</numerusform>
            <numerusform>%n aufgeführte Nutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>all eligible</source>
        <translation>alle geeigneten</translation>
    </message>
    <message>
        <source>Eligibility E</source>
        <translation>Eignung E</translation>
    </message>
    <message>
        <source>at least %1 ratings of 5 stars</source>
        <translation>mindestens %1 Bewertungen mit 5 Sternen</translation>
    </message>
    <message>
        <source>Profile size P</source>
        <translation>Profilgröße P</translation>
    </message>
    <message>
        <source>Star threshold T</source>
        <translation>Sternschwelle T</translation>
    </message>
    <message>
        <source>Hold-out size H</source>
        <translation>Hold-out-Größe H</translation>
    </message>
    <message>
        <source>Min matches M</source>
        <translation>Mindesttreffer M</translation>
    </message>
    <message>
        <source>Neighbour cap</source>
        <translation>Nachbarobergrenze</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Watch factor W</source>
        <translation>Sehfaktor W</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>Ausschließen</translation>
    </message>
    <message>
        <source>every movie the user rated</source>
        <translation>jeden vom Nutzer bewerteten Film</translation>
    </message>
    <message>
        <source>the profile movies</source>
        <translation>die Profilfilme</translation>
    </message>
    <message>
        <source>Max gold G</source>
        <translation>Max. Gold G</translation>
    </message>
    <message>
        <source>Min gold</source>
        <translation>Min. Gold</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>%1 users kept of %2 selected (%3 eligible, %4 in the dataset)</source>
        <translation>%1 von %2 ausgewählten Nutzern behalten (%3 geeignet, %4 im Datensatz)</translation>
    </message>
    <message>
        <source>Nobody was kept: %1.</source>
        <translation>Niemand wurde behalten: %1.</translation>
    </message>
    <message>
        <source>Dropped:</source>
        <translation>Verworfen:</translation>
    </message>
    <message>
        <source>Train / validation / test</source>
        <translation>Training / Validierung / Test</translation>
    </message>
    <message>
        <source>Neighbours per user</source>
        <translation>Nachbarn pro Nutzer</translation>
    </message>
    <message>
        <source>Profile sizes</source>
        <translation>Profilgrößen</translation>
    </message>
    <message>
        <source>Distinct gold movies</source>
        <translation>Verschiedene Goldfilme</translation>
    </message>
    <message>
        <source>Gold movies per user</source>
        <translation>Goldfilme pro Nutzer</translation>
    </message>
    <message>
        <source>Gold-list sizes</source>
        <translation>Größen der Goldlisten</translation>
    </message>
    <message>
        <source>Most frequent gold movies (number of users):</source>
        <translation>Häufigste Goldfilme (Anzahl Nutzer):</translation>
    </message>
    <message>
        <source>P@3 %1 · P@5 %2 · R@5 %3 · MRR %4</source>
        <translation>P@3 %1 · P@5 %2 · R@5 %3 · MRR %4</translation>
    </message>
    <message>
        <source>Diagnostics on the split</source>
        <translation>Diagnose auf der Aufteilung</translation>
    </message>
    <message>
        <source>%1 (%2 users)</source>
        <translation>%1 (%2 Nutzer)</translation>
    </message>
    <message>
        <source>Most popular (trivial baseline)</source>
        <translation>Am populärsten (triviale Baseline)</translation>
    </message>
    <message>
        <source>Neighbour consensus, seed + 1 (ceiling)</source>
        <translation>Nachbarschaftskonsens, Startwert + 1 (Obergrenze)</translation>
    </message>
    <message>
        <source>Gold in the top 1 / 5 / 10 % most-rated movies</source>
        <translation>Goldfilme unter den 1 / 5 / 10 % meistbewerteten Filmen</translation>
    </message>
    <message>
        <source>Mean pairwise Jaccard of gold lists</source>
        <translation>Mittlere paarweise Jaccard-Ähnlichkeit der Goldlisten</translation>
    </message>
    <message>
        <source>Distinct gold movies in the split</source>
        <translation>Verschiedene Goldfilme in der Aufteilung</translation>
    </message>
    <message>
        <source>Users requested</source>
        <translation>Angefragte Nutzer</translation>
    </message>
    <message>
        <source>%1 users were requested; only %2 are eligible, so all of them were used.</source>
        <translation>%1 Nutzer wurden angefragt; nur %2 sind geeignet, also wurden alle verwendet.</translation>
    </message>
    <message>
        <source>%1 of the %2 selected users were dropped (see below); %3 are in the gold set.</source>
        <translation>%1 der %2 ausgewählten Nutzer wurden verworfen (siehe unten); %3 sind im Goldstandard.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::GoldSetTableModel</name>
    <message>
        <source>– no dataset</source>
        <translation>– kein Datensatz</translation>
    </message>
    <message>
        <source>✓ loaded</source>
        <translation>✓ geladen</translation>
    </message>
    <message>
        <source>⚠ other files</source>
        <translation>⚠ andere Dateien</translation>
    </message>
    <message>
        <source>No dataset is loaded: titles cannot be shown.</source>
        <translation>Kein Datensatz geladen: Titel können nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>Built from the dataset on screen.</source>
        <translation>Aus dem angezeigten Datensatz erstellt.</translation>
    </message>
    <message>
        <source>Built from other dataset files (or files that changed since): titles may be missing or wrong.</source>
        <translation>Aus anderen Datensatzdateien erstellt (oder die Dateien haben sich seither geändert): Titel können fehlen oder falsch sein.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::GoldSetUserModel</name>
    <message>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::GoldSetWizard</name>
    <message>
        <source>%1 (seed %2)</source>
        <translation>%1 (Startwert %2)</translation>
    </message>
    <message>
        <source>&amp;Cancel Build</source>
        <translation>Erstellung &amp;abbrechen</translation>
    </message>
    <message>
        <source>Build &amp;Again</source>
        <translation>Neu &amp;erstellen</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>The gold set is built in the background; you can cancel at any time.</source>
        <translation>Der Goldstandard wird im Hintergrund erstellt; Sie können jederzeit abbrechen.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Building…</source>
        <translation>Wird erstellt…</translation>
    </message>
    <message>
        <source>Building: %1…</source>
        <translation>Wird erstellt: %1…</translation>
    </message>
    <message>
        <source>Canceled. Change the settings (Back) or build again.</source>
        <translation>Abgebrochen. Ändern Sie die Einstellungen (Zurück) oder erstellen Sie neu.</translation>
    </message>
    <message>
        <source>The gold set could not be built: %1</source>
        <translation>Der Goldstandard konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Nobody was kept, so there is nothing to save. Go Back and relax a setting.</source>
        <translation>Niemand wurde behalten, es gibt also nichts zu speichern. Gehen Sie zurück und lockern Sie eine Einstellung.</translation>
    </message>
    <message>
        <source>New Gold Set</source>
        <translation>Neuer Goldstandard</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Start from the paper&apos;s settings or a standard protocol; every value can be changed on the next pages.</source>
        <translation>Beginnen Sie mit den Einstellungen des Papers oder einem Standardprotokoll; jeder Wert lässt sich auf den nächsten Seiten ändern.</translation>
    </message>
    <message>
        <source>&amp;paper50 — the paper&apos;s profileData50</source>
        <translation>&amp;paper50 — profileData50 des Papers</translation>
    </message>
    <message>
        <source>paper&amp;60 — the paper&apos;s profileData60</source>
        <translation>paper&amp;60 — profileData60 des Papers</translation>
    </message>
    <message>
        <source>&amp;Temporal hold-out</source>
        <translation>Zeitlicher &amp;Hold-out</translation>
    </message>
    <message>
        <source>&amp;Custom</source>
        <translation>&amp;Eigene</translation>
    </message>
    <message>
        <source>Gold: movies rated by at least 50 % of up to 10,000 neighbours who gave a profile movie 5 stars.</source>
        <translation>Gold: Filme, die mindestens 50 % von bis zu 10.000 Nachbarn bewertet haben, die einem Profilfilm 5 Sterne gaben.</translation>
    </message>
    <message>
        <source>Gold: movies rated by at least 60 % of up to 10,000 neighbours who gave a profile movie 4 stars or more.</source>
        <translation>Gold: Filme, die mindestens 60 % von bis zu 10.000 Nachbarn bewertet haben, die einem Profilfilm 4 Sterne oder mehr gaben.</translation>
    </message>
    <message>
        <source>Gold: each user&apos;s last 10 ratings of 4 stars or more; the profile comes from the ratings before them.</source>
        <translation>Gold: die letzten 10 Bewertungen mit 4 Sternen oder mehr jedes Nutzers; das Profil stammt aus den Bewertungen davor.</translation>
    </message>
    <message>
        <source>Set every parameter yourself, for either protocol.</source>
        <translation>Jeden Parameter selbst festlegen, für beide Protokolle.</translation>
    </message>
    <message>
        <source>Neighbour consensus (the paper)</source>
        <translation>Nachbarschaftskonsens (das Paper)</translation>
    </message>
    <message>
        <source>Temporal hold-out</source>
        <translation>Zeitlicher Hold-out</translation>
    </message>
    <message>
        <source>P&amp;rotocol:</source>
        <translation>P&amp;rotokoll:</translation>
    </message>
    <message>
        <source>A gold set is built from a loaded dataset, and none is loaded yet.</source>
        <translation>Ein Goldstandard wird aus einem geladenen Datensatz erstellt, und es ist noch keiner geladen.</translation>
    </message>
    <message>
        <source>Go to the &amp;Dataset Step</source>
        <translation>Zum Schritt &amp;Datensatz</translation>
    </message>
    <message>
        <source>Users and profile</source>
        <translation>Nutzer und Profil</translation>
    </message>
    <message>
        <source>Which users get a gold set, and which of their ratings form their profile.</source>
        <translation>Welche Nutzer einen Goldstandard erhalten und welche ihrer Bewertungen ihr Profil bilden.</translation>
    </message>
    <message>
        <source>Users sampled (seeded) from the eligible ones; 0 = all eligible users</source>
        <translation>Aus den geeigneten Nutzern (mit Startwert) gezogene Nutzer; 0 = alle geeigneten</translation>
    </message>
    <message>
        <source>At least E ratings of 5 stars (&quot;more than three 5-star reviews&quot;: E = 4); 0 = everybody</source>
        <translation>Mindestens E Bewertungen mit 5 Sternen („mehr als drei 5-Sterne-Bewertungen“: E = 4); 0 = alle</translation>
    </message>
    <message>
        <source>The user&apos;s ratings ordered by rating, then date (newest first); the first P</source>
        <translation>Die Bewertungen des Nutzers nach Bewertung, dann Datum (neueste zuerst); die ersten P</translation>
    </message>
    <message>
        <source>All eligible</source>
        <translation>Alle geeigneten</translation>
    </message>
    <message>
        <source> stars</source>
        <translation> Sterne</translation>
    </message>
    <message>
        <source>Neighbour consensus: a neighbour rated a profile movie at least T. Hold-out: positive ratings are at least T.</source>
        <translation>Nachbarschaftskonsens: Ein Nachbar bewertete einen Profilfilm mit mindestens T. Hold-out: Positive Bewertungen sind mindestens T.</translation>
    </message>
    <message>
        <source>&amp;Users:</source>
        <translation>&amp;Nutzer:</translation>
    </message>
    <message>
        <source>&amp;Eligibility E (ratings of 5 stars):</source>
        <translation>&amp;Eignung E (Bewertungen mit 5 Sternen):</translation>
    </message>
    <message>
        <source>&amp;Profile size P:</source>
        <translation>&amp;Profilgröße P:</translation>
    </message>
    <message>
        <source>Star &amp;threshold T:</source>
        <translation>Stern&amp;schwelle T:</translation>
    </message>
    <message>
        <source>Neighbours and gold</source>
        <translation>Nachbarn und Gold</translation>
    </message>
    <message>
        <source>Who counts as a neighbour, and which of their movies become the user&apos;s gold list.</source>
        <translation>Wer als Nachbar zählt und welche seiner Filme die Goldliste des Nutzers bilden.</translation>
    </message>
    <message>
        <source>A neighbour rated at least M of the profile movies with T or more (1 = any)</source>
        <translation>Ein Nachbar bewertete mindestens M der Profilfilme mit T oder mehr (1 = irgendeinen)</translation>
    </message>
    <message>
        <source>Neighbours sampled (seeded) among the candidates; 0 = all</source>
        <translation>Unter den Kandidaten (mit Startwert) gezogene Nachbarn; 0 = alle</translation>
    </message>
    <message>
        <source>A movie is gold when at least W % of the sampled neighbours rated it</source>
        <translation>Ein Film ist Gold, wenn mindestens W % der gezogenen Nachbarn ihn bewertet haben</translation>
    </message>
    <message>
        <source>At most G gold movies, most watched first</source>
        <translation>Höchstens G Goldfilme, meistgesehene zuerst</translation>
    </message>
    <message>
        <source>Users with fewer gold movies are dropped (and counted)</source>
        <translation>Nutzer mit weniger Goldfilmen werden verworfen (und gezählt)</translation>
    </message>
    <message>
        <source>The user&apos;s last H ratings of T or more are the gold list</source>
        <translation>Die letzten H Bewertungen des Nutzers mit T oder mehr sind die Goldliste</translation>
    </message>
    <message>
        <source>All candidates</source>
        <translation>Alle Kandidaten</translation>
    </message>
    <message>
        <source>Every movie the user rated</source>
        <translation>Jeden vom Nutzer bewerteten Film</translation>
    </message>
    <message>
        <source>Only the profile movies</source>
        <translation>Nur die Profilfilme</translation>
    </message>
    <message>
        <source>&amp;Min matches M:</source>
        <translation>&amp;Mindesttreffer M:</translation>
    </message>
    <message>
        <source>Neighbour &amp;cap:</source>
        <translation>&amp;Nachbarobergrenze:</translation>
    </message>
    <message>
        <source>&amp;Watch factor W:</source>
        <translation>&amp;Sehfaktor W:</translation>
    </message>
    <message>
        <source>E&amp;xclude from gold:</source>
        <translation>Von Gold &amp;ausschließen:</translation>
    </message>
    <message>
        <source>Max &amp;gold G:</source>
        <translation>Max. &amp;Gold G:</translation>
    </message>
    <message>
        <source>Mi&amp;n gold:</source>
        <translation>M&amp;in. Gold:</translation>
    </message>
    <message>
        <source>&amp;Hold-out size H:</source>
        <translation>&amp;Hold-out-Größe H:</translation>
    </message>
    <message>
        <source>How many of the user&apos;s last positive ratings are held out as their gold list.</source>
        <translation>Wie viele der letzten positiven Bewertungen des Nutzers als seine Goldliste zurückgehalten werden.</translation>
    </message>
    <message>
        <source>Split and seed</source>
        <translation>Aufteilung und Startwert</translation>
    </message>
    <message>
        <source>Users are split into training, validation and test sets; one seed drives every random choice.</source>
        <translation>Die Nutzer werden in Trainings-, Validierungs- und Testmenge aufgeteilt; ein Startwert steuert jede Zufallsauswahl.</translation>
    </message>
    <message>
        <source>Share of the users for fine-tuning</source>
        <translation>Anteil der Nutzer für die Feinabstimmung</translation>
    </message>
    <message>
        <source>Share of the users for validation during fine-tuning</source>
        <translation>Anteil der Nutzer für die Validierung bei der Feinabstimmung</translation>
    </message>
    <message>
        <source>Share of the users held back for the evaluation</source>
        <translation>Anteil der Nutzer, der für die Auswertung zurückgehalten wird</translation>
    </message>
    <message>
        <source>The same dataset, settings and seed always give the same gold set</source>
        <translation>Derselbe Datensatz, dieselben Einstellungen und derselbe Startwert ergeben immer denselben Goldstandard</translation>
    </message>
    <message>
        <source>New &amp;Random Seed</source>
        <translation>Ne&amp;uer zufälliger Startwert</translation>
    </message>
    <message>
        <source>&amp;Training:</source>
        <translation>&amp;Training:</translation>
    </message>
    <message>
        <source>&amp;Validation:</source>
        <translation>&amp;Validierung:</translation>
    </message>
    <message>
        <source>T&amp;est:</source>
        <translation>Te&amp;st:</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>Start&amp;wert:</translation>
    </message>
    <message>
        <source>seed must be a whole number from 0 to 18446744073709551615</source>
        <translation>Der Startwert muss eine ganze Zahl von 0 bis 18446744073709551615 sein</translation>
    </message>
    <message numerus="yes">
        <source>The %n listed user(s)</source>
        <translation>
            <numerusform>Der %n aufgeführte Nutzer</numerusform>
            <numerusform>Die %n aufgeführten Nutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>Every eligible user</source>
        <translation>Jeder geeignete Nutzer</translation>
    </message>
    <message>
        <source>Up to %1 users sampled (seed %2) from the eligible ones</source>
        <translation>Bis zu %1 aus den geeigneten gezogene Nutzer (Startwert %2)</translation>
    </message>
    <message>
        <source>Neighbour consensus (the paper).</source>
        <translation>Nachbarschaftskonsens (das Paper).</translation>
    </message>
    <message>
        <source>%1; eligible means at least %2 ratings of 5 stars.</source>
        <translation>%1; geeignet heißt mindestens %2 Bewertungen mit 5 Sternen.</translation>
    </message>
    <message>
        <source>%1; every user with ratings is eligible.</source>
        <translation>%1; jeder Nutzer mit Bewertungen ist geeignet.</translation>
    </message>
    <message>
        <source>Profile: the user&apos;s top %1 ratings (highest first, then newest).</source>
        <translation>Profil: die %1 besten Bewertungen des Nutzers (höchste zuerst, dann neueste).</translation>
    </message>
    <message>
        <source>every other user who rated a profile movie with %1 or more</source>
        <translation>jeder andere Nutzer, der einen Profilfilm bewertet hat (Bewertung: %1 oder mehr)</translation>
    </message>
    <message>
        <source>every other user who rated %1 of the profile movies with %2 or more</source>
        <translation>jeder andere Nutzer, der %1 der Profilfilme bewertet hat (Bewertung: %2 oder mehr)</translation>
    </message>
    <message>
        <source>Neighbours: %1.</source>
        <translation>Nachbarn: %1.</translation>
    </message>
    <message>
        <source>Neighbours: %1, at most %2 sampled.</source>
        <translation>Nachbarn: %1, höchstens %2 gezogen.</translation>
    </message>
    <message>
        <source>Gold: movies rated by at least %1 % of the neighbours, leaving out %2; at most %3, most watched first.</source>
        <translation>Gold: Filme, die mindestens %1 % der Nachbarn bewertet haben, ohne %2; höchstens %3, meistgesehene zuerst.</translation>
    </message>
    <message>
        <source>every movie the user rated</source>
        <translation>jeden vom Nutzer bewerteten Film</translation>
    </message>
    <message>
        <source>the profile movies</source>
        <translation>die Profilfilme</translation>
    </message>
    <message>
        <source>Users with fewer than %1 gold movies are dropped.</source>
        <translation>Nutzer mit weniger als %1 Goldfilmen werden verworfen.</translation>
    </message>
    <message>
        <source>Temporal hold-out.</source>
        <translation>Zeitlicher Hold-out.</translation>
    </message>
    <message>
        <source>at least %1 ratings of %2 or more</source>
        <translation>mindestens %1 Bewertungen ab %2</translation>
    </message>
    <message>
        <source> and %1 ratings of 5 stars</source>
        <translation> und %1 Bewertungen mit 5 Sternen</translation>
    </message>
    <message>
        <source>%1; eligible means %2.</source>
        <translation>%1; geeignet heißt %2.</translation>
    </message>
    <message>
        <source>Gold: the user&apos;s last %1 ratings of %2 or more.</source>
        <translation>Gold: die letzten %1 Bewertungen des Nutzers ab %2.</translation>
    </message>
    <message>
        <source>Profile: the top %1 of the ratings before them (highest first, then newest).</source>
        <translation>Profil: die besten %1 der Bewertungen davor (höchste zuerst, dann neueste).</translation>
    </message>
    <message>
        <source>Split by user: %1 % training, %2 % validation, %3 % test.</source>
        <translation>Aufteilung nach Nutzern: %1 % Training, %2 % Validierung, %3 % Test.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Check the settings and what they will cost before the gold set is built.</source>
        <translation>Prüfen Sie die Einstellungen und was sie kosten werden, bevor der Goldstandard erstellt wird.</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Working out the example user…</source>
        <translation>Der Beispielnutzer wird ermittelt…</translation>
    </message>
    <message>
        <source>No example user yet.</source>
        <translation>Noch kein Beispielnutzer.</translation>
    </message>
    <message>
        <source>Expected counts</source>
        <translation>Erwartete Anzahlen</translation>
    </message>
    <message>
        <source>%1 eligible users, %2 sampled. If every sampled user is kept: %3 training, %4 validation and %5 test users. Users without enough gold are dropped during the build, so the final counts can be lower.</source>
        <translation>%1 geeignete Nutzer, %2 gezogen. Wenn jeder gezogene Nutzer behalten wird: %3 Trainings-, %4 Validierungs- und %5 Testnutzer. Nutzer ohne genug Gold werden beim Erstellen verworfen, die endgültigen Anzahlen können also niedriger sein.</translation>
    </message>
    <message>
        <source>Nobody is eligible under these settings: %1.</source>
        <translation>Mit diesen Einstellungen ist niemand geeignet: %1.</translation>
    </message>
    <message>
        <source>None of the first users would be kept (%1); the gold set may be small or empty.</source>
        <translation>Keiner der ersten Nutzer würde behalten (%1); der Goldstandard kann klein oder leer sein.</translation>
    </message>
    <message>
        <source>Tokens and cost</source>
        <translation>Tokens und Kosten</translation>
    </message>
    <message>
        <source>No estimate without an example user.</source>
        <translation>Ohne Beispielnutzer keine Schätzung.</translation>
    </message>
    <message>
        <source>The example could not be counted.</source>
        <translation>Das Beispiel konnte nicht gezählt werden.</translation>
    </message>
    <message>
        <source>Tokens and cost (an estimate)</source>
        <translation>Tokens und Kosten (eine Schätzung)</translation>
    </message>
    <message>
        <source>The example user&apos;s line has %1 tokens (o200k_base, counted as OpenAI&apos;s data-preparation notebook does: %2 in the answer).</source>
        <translation>Die Zeile des Beispielnutzers hat %1 Tokens (o200k_base, gezählt wie im Datenvorbereitungs-Notebook von OpenAI: %2 in der Antwort).</translation>
    </message>
    <message numerus="yes">
        <source>Only %n training example(s) expected: OpenAI needs at least 10.</source>
        <translation>
            <numerusform>Nur %n Trainingsbeispiel erwartet: OpenAI braucht mindestens 10.</numerusform>
            <numerusform>Nur %n Trainingsbeispiele erwartet: OpenAI braucht mindestens 10.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n training example(s) expected: OpenAI recommends at least 50.</source>
        <translation>
            <numerusform>Nur %n Trainingsbeispiel erwartet: OpenAI empfiehlt mindestens 50.</numerusform>
            <numerusform>Nur %n Trainingsbeispiele erwartet: OpenAI empfiehlt mindestens 50.</numerusform>
        </translation>
    </message>
    <message>
        <source>OpenAI is winding down self-serve fine-tuning: new users cannot fine-tune, and remaining organizations reportedly lose new jobs after %1. Azure OpenAI and Together AI take the same data.</source>
        <translation>OpenAI stellt die Self-Service-Feinabstimmung ein: Neue Nutzer können nicht feinabstimmen, und verbleibende Organisationen verlieren Berichten zufolge nach dem %1 die Möglichkeit, neue Aufträge anzulegen. Azure OpenAI und Together AI nehmen dieselben Daten.</translation>
    </message>
    <message>
        <source>OpenAI reportedly stopped new fine-tuning jobs after %1. Azure OpenAI and Together AI take the same data.</source>
        <translation>OpenAI nimmt Berichten zufolge seit dem %1 keine neuen Feinabstimmungsjobs mehr an. Azure OpenAI und Together AI nehmen dieselben Daten.</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>Prompt template</source>
        <translation>Prompt-Vorlage</translation>
    </message>
    <message>
        <source>How each user becomes a chat fine-tuning example. Placeholders: {profile} (numbered &quot;Title (Year)&quot; lines), {profile_count}, {count} (gold movies), {gold} (the answer, assistant text only); {{ and }} are literal braces.</source>
        <translation>Wie aus jedem Nutzer ein Chat-Feinabstimmungsbeispiel wird. Platzhalter: {profile} (nummerierte Zeilen „Titel (Jahr)“), {profile_count}, {count} (Goldfilme), {gold} (die Antwort, nur im Assistant-Text); {{ und }} sind wörtliche Klammern.</translation>
    </message>
    <message>
        <source>The line of the fine-tuning JSONL file for this user</source>
        <translation>Die Zeile der Feinabstimmungsdatei (JSONL) für diesen Nutzer</translation>
    </message>
    <message>
        <source>&amp;Reset to the Paper&apos;s Template</source>
        <translation>Auf die Vorlage des Papers &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>S&amp;ystem:</source>
        <translation>S&amp;ystem:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Nutzer:</translation>
    </message>
    <message>
        <source>&amp;Assistant:</source>
        <translation>&amp;Assistant:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview&lt;/b&gt; — a real user of the loaded dataset under these settings</source>
        <translation>&lt;b&gt;Vorschau&lt;/b&gt; — ein echter Nutzer des geladenen Datensatzes mit diesen Einstellungen</translation>
    </message>
    <message>
        <source>Finding an example user under these settings…</source>
        <translation>Ein Beispielnutzer mit diesen Einstellungen wird gesucht…</translation>
    </message>
    <message>
        <source>No preview yet.</source>
        <translation>Noch keine Vorschau.</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Keine Vorschau: %1</translation>
    </message>
    <message>
        <source>No preview: none of the first users would be kept (%1). Go Back and relax a setting.</source>
        <translation>Keine Vorschau: Keiner der ersten Nutzer würde behalten (%1). Gehen Sie zurück und lockern Sie eine Einstellung.</translation>
    </message>
    <message>
        <source>Fix the template to see the preview.</source>
        <translation>Korrigieren Sie die Vorlage, um die Vorschau zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>User %1 (one of %2 eligible users): %n profile movie(s), %3 gold movies.</source>
        <translation>
            <numerusform>Nutzer %1 (einer von %2 geeigneten Nutzern): %n Profilfilm, %3 Goldfilme.</numerusform>
            <numerusform>Nutzer %1 (einer von %2 geeigneten Nutzern): %n Profilfilme, %3 Goldfilme.</numerusform>
        </translation>
    </message>
    <message>
        <source>Estimate: %1 tokens × %2 training examples × %3 epochs (the Fine-tune step&apos;s default) ≈ %4 billed tokens ≈ %5 to fine-tune %6 at $%7 per 1 M tokens. Other users&apos; profiles and gold lists differ in length: the exact figures come with the build.</source>
        <translation>Schätzung: %1 Tokens × %2 Trainingsbeispiele × %3 Epochen (Vorgabe des Schritts „Feinabstimmung“) ≈ %4 abgerechnete Tokens ≈ %5 für die Feinabstimmung von %6 zu $%7 je 1 Mio. Tokens. Profile und Goldlisten anderer Nutzer sind unterschiedlich lang: Die genauen Zahlen kommen mit dem Aufbau.</translation>
    </message>
    <message numerus="yes">
        <source>Built: %n user(s) kept. Name the gold set and click %1 to save it.</source>
        <translation>
            <numerusform>Aufgebaut: %n Nutzer behalten. Benennen Sie den Goldstandard und klicken Sie auf %1, um ihn zu speichern.</numerusform>
            <numerusform>Aufgebaut: %n Nutzer behalten. Benennen Sie den Goldstandard und klicken Sie auf %1, um ihn zu speichern.</numerusform>
        </translation>
    </message>
    <message>
        <source>No training cost estimate: %1</source>
        <translation>Keine Schätzung der Trainingskosten: %1</translation>
    </message>
    <message>
        <source>Fine-tuning estimate (as on the Fine-tune step): %1 training examples, %2 tokens × %3 epochs = %4 billed tokens ≈ %5 on %6; nothing with the offline simulator.</source>
        <translation>Schätzung der Feinabstimmung (wie im Schritt „Feinabstimmung“): %1 Trainingsbeispiele, %2 Tokens × %3 Epochen = %4 abgerechnete Tokens ≈ %5 mit %6; nichts mit dem Offline-Simulator.</translation>
    </message>
    <message>
        <source>Counting the eligible users…</source>
        <translation>Die geeigneten Nutzer werden gezählt …</translation>
    </message>
    <message>
        <source>%1 of the dataset&apos;s %2 users are eligible under these settings.</source>
        <translation>%1 der %2 Nutzer des Datensatzes sind mit diesen Einstellungen geeignet.</translation>
    </message>
    <message>
        <source>%1 requested: all %2 eligible users will be used.</source>
        <translation>%1 angefragt: Alle %2 geeigneten Nutzer werden verwendet.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::JobEventModel</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::JobTableModel</name>
    <message>
        <source>Validating files</source>
        <translation>Dateien werden geprüft</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Finalizing</source>
        <translation>Wird abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Wird abgebrochen</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Submitting</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Succeeded — needs deployment</source>
        <translation>Erfolgreich — Bereitstellung nötig</translation>
    </message>
    <message>
        <source>none (simulated)</source>
        <translation>keine (simuliert)</translation>
    </message>
    <message>
        <source>%1 (simulator)</source>
        <translation>%1 (Simulator)</translation>
    </message>
    <message>
        <source>Fine-tuned model: %1</source>
        <translation>Feinabgestimmtes Modell: %1</translation>
    </message>
    <message>
        <source>Made with the offline simulator: no provider charged anything.</source>
        <translation>Mit dem Offline-Simulator erstellt: Kein Anbieter hat etwas berechnet.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Not confirmed — check</source>
        <translation>Nicht bestätigt — prüfen</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::JobView</name>
    <message>
        <source>Fine-tuned model:</source>
        <translation>Feinabgestimmtes Modell:</translation>
    </message>
    <message>
        <source>Cancel Job</source>
        <translation>Auftrag abbrechen</translation>
    </message>
    <message>
        <source>Made with the offline simulator: not an LLM, for demonstrations and tests.</source>
        <translation>Mit dem Offline-Simulator erstellt: kein Sprachmodell, für Vorführungen und Tests.</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>Select a job to follow it.</source>
        <translation>Wählen Sie einen Auftrag, um ihn zu verfolgen.</translation>
    </message>
    <message>
        <source>Job being submitted (%1)</source>
        <translation>Auftrag wird gesendet (%1)</translation>
    </message>
    <message>
        <source>Job %1 — %2</source>
        <translation>Auftrag %1 — %2</translation>
    </message>
    <message>
        <source>Submitting</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>The job failed</source>
        <translation>Der Auftrag ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Check the training data (the estimate lists its problems) and submit a new job.</source>
        <translation>Prüfen Sie die Trainingsdaten (die Schätzung listet ihre Probleme auf) und senden Sie einen neuen Auftrag.</translation>
    </message>
    <message>
        <source>Deploy the model before using it</source>
        <translation>Stellen Sie das Modell vor der Nutzung bereit</translation>
    </message>
    <message>
        <source>Could not reach the provider</source>
        <translation>Der Anbieter war nicht erreichbar</translation>
    </message>
    <message>
        <source>&amp;Deployment:</source>
        <translation>&amp;Bereitstellung:</translation>
    </message>
    <message>
        <source>Use Deployment</source>
        <translation>Bereitstellung verwenden</translation>
    </message>
    <message>
        <source>the deployment name from the Azure AI Foundry portal</source>
        <translation>der Name der Bereitstellung aus dem Azure-AI-Foundry-Portal</translation>
    </message>
    <message>
        <source>The deployment name was not saved</source>
        <translation>Der Name der Bereitstellung wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Azure OpenAI serves a fine-tuned model only after it has been deployed. Deploy %1 in the Azure AI Foundry portal, then enter the deployment&apos;s name below: evaluation and the playground send requests to it.</source>
        <translation>Azure OpenAI stellt ein feinabgestimmtes Modell erst bereit, nachdem es bereitgestellt wurde. Stellen Sie %1 im Azure-AI-Foundry-Portal bereit und geben Sie dann unten den Namen der Bereitstellung ein: Auswertung und Ausprobieren senden ihre Anfragen dorthin.</translation>
    </message>
    <message>
        <source>Discard Request…</source>
        <translation>Anfrage verwerfen…</translation>
    </message>
    <message>
        <source>Remove this job request from the project after checking that the provider has no such job</source>
        <translation>Diese Auftragsanfrage aus dem Projekt entfernen, nachdem Sie geprüft haben, dass der Anbieter keinen solchen Auftrag hat</translation>
    </message>
    <message>
        <source>Discard the job request?</source>
        <translation>Auftragsanfrage verwerfen?</translation>
    </message>
    <message>
        <source>The provider never confirmed this job request, and its job list shows no such job. If the job exists after all, it keeps running and costing money without CineTune following it.

Discard the request?</source>
        <translation>Der Anbieter hat diese Auftragsanfrage nie bestätigt, und seine Auftragsliste zeigt keinen solchen Auftrag. Falls der Auftrag doch existiert, läuft er weiter und verursacht Kosten, ohne dass CineTune ihn verfolgt.

Anfrage verwerfen?</translation>
    </message>
    <message>
        <source>The request was not discarded</source>
        <translation>Die Anfrage wurde nicht verworfen</translation>
    </message>
    <message>
        <source>The provider never confirmed this job</source>
        <translation>Der Anbieter hat diesen Auftrag nie bestätigt</translation>
    </message>
    <message>
        <source>Serving the model</source>
        <translation>Bereitstellung des Modells</translation>
    </message>
    <message>
        <source>If evaluation answers &quot;model_not_available&quot;, create and start a dedicated endpoint for %1 in the Together AI dashboard, then evaluate again.</source>
        <translation>Falls die Auswertung „model_not_available“ meldet, legen Sie im Together-AI-Dashboard einen dedizierten Endpunkt für %1 an, starten Sie ihn und werten Sie dann erneut aus.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::KeyStore</name>
    <message>
        <source>No key is stored in the keychain for this profile. Enter the key and save the profile.</source>
        <translation>Für dieses Profil ist kein Schlüssel im Schlüsselbund gespeichert. Geben Sie den Schlüssel ein und speichern Sie das Profil.</translation>
    </message>
    <message>
        <source>No keychain service is available on this system. Use an environment variable for the key.</source>
        <translation>Auf diesem System ist kein Schlüsselbund-Dienst verfügbar. Verwenden Sie für den Schlüssel eine Umgebungsvariable.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied. Allow CineTune to use the keychain, or use an environment variable.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert. Erlauben Sie CineTune den Schlüsselbund oder verwenden Sie eine Umgebungsvariable.</translation>
    </message>
    <message>
        <source>The keychain could not be used (%1). Use an environment variable for the key.</source>
        <translation>Der Schlüsselbund konnte nicht verwendet werden (%1). Verwenden Sie für den Schlüssel eine Umgebungsvariable.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::LlmEngine</name>
    <message>
        <source>Zero-shot</source>
        <translation>Zero-Shot</translation>
    </message>
    <message>
        <source>Fine-tuned</source>
        <translation>Feinabgestimmt</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (simulator — not an LLM)</source>
        <translation>%1 (Simulator — kein LLM)</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::LossChart</name>
    <message>
        <source>Smooth curves</source>
        <translation>Kurven glätten</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>Trainingskurven</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>Full-validation loss</source>
        <translation>Gesamtvalidierungsverlust</translation>
    </message>
    <message>
        <source>Token accuracy</source>
        <translation>Token-Genauigkeit</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Exponential moving average of the per-step values (weight %1)</source>
        <translation>Exponentiell gleitender Mittelwert der Werte je Schritt (Gewicht %1)</translation>
    </message>
    <message>
        <source>No training steps yet</source>
        <translation>Noch keine Trainingsschritte</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::MainWindow</name>
    <message>
        <source>CineTune projects (*.cinetune);;All files (*)</source>
        <translation>CineTune-Projekte (*.cinetune);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Project not updated</source>
        <translation>Projekt nicht aktualisiert</translation>
    </message>
    <message>
        <source>Dataset loaded: %1 ratings</source>
        <translation>Datensatz geladen: %1 Bewertungen</translation>
    </message>
    <message>
        <source>Loading canceled; the previous dataset is still open.</source>
        <translation>Laden abgebrochen; der vorherige Datensatz bleibt geöffnet.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Projekt speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Open &amp;Dataset…</source>
        <translation>Daten&amp;satz öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Open Dataset &amp;Folder…</source>
        <translation>Datensatz-&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Sample Dataset</source>
        <translation>&amp;Beispieldatensatz öffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About CineTune</source>
        <translation>&amp;Über CineTune</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>%1 — CineTune</source>
        <translation>%1 — CineTune</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>Das Projekt konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Choose another project (File ▸ Open Project…), or create one with File ▸ New Project….</source>
        <translation>Wählen Sie ein anderes Projekt (Datei ▸ Projekt öffnen…) oder legen Sie eines an mit Datei ▸ Neues Projekt….</translation>
    </message>
    <message>
        <source>Opened project %1</source>
        <translation>Projekt %1 geöffnet</translation>
    </message>
    <message>
        <source>Could not create the project</source>
        <translation>Das Projekt konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Choose a folder you can write to and try again.</source>
        <translation>Wählen Sie einen Ordner, in den Sie schreiben dürfen, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Could not save the project</source>
        <translation>Das Projekt konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The project is unchanged. Choose a folder you can write to and try again.</source>
        <translation>Das Projekt ist unverändert. Wählen Sie einen Ordner, in den Sie schreiben dürfen, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Saved project as %1</source>
        <translation>Projekt gespeichert unter %1</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>Untitled.cinetune</source>
        <translation>Unbenannt.cinetune</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>Fine-tuning job %1 submitted; it is followed on the Fine-tune page.</source>
        <translation>Feinabstimmungsauftrag %1 gesendet; er wird auf der Seite „Feinabstimmung“ verfolgt.</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>Projekt &amp;speichern</translation>
    </message>
    <message>
        <source>Every change is saved in %1 as it is made.</source>
        <translation>Jede Änderung wird sofort in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Save the untitled project?</source>
        <translation>Das unbenannte Projekt speichern?</translation>
    </message>
    <message>
        <source>It holds gold sets, fine-tuning jobs or evaluation runs that are lost unless you save them.</source>
        <translation>Es enthält Goldstandards, Feinabstimmungsaufträge oder Auswertungsläufe, die verloren gehen, wenn Sie sie nicht speichern.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>The new language is applied as soon as the background tasks have finished.</source>
        <translation>Die neue Sprache wird übernommen, sobald die Hintergrundaufgaben abgeschlossen sind.</translation>
    </message>
    <message>
        <source>Language not changed</source>
        <translation>Sprache nicht geändert</translation>
    </message>
    <message>
        <source>The %1 translation could not be loaded.</source>
        <translation>Die Übersetzung „%1“ konnte nicht geladen werden.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::MessageBanner</name>
    <message>
        <source>Dismiss this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::MetricTableModel</name>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>95 % CI low</source>
        <translation>95-%-KI unten</translation>
    </message>
    <message>
        <source>95 % CI high</source>
        <translation>95-%-KI oben</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::MovieTableModel</name>
    <message>
        <source>Not in the titles file; it only appears in the ratings.</source>
        <translation>Nicht in der Titeldatei; der Film kommt nur in den Bewertungen vor.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Mean rating</source>
        <translation>Mittlere Bewertung</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::NewRunDialog</name>
    <message>
        <source>Model of a provider</source>
        <translation>Modell eines Anbieters</translation>
    </message>
    <message>
        <source>Local baseline (no network)</source>
        <translation>Lokale Baseline (ohne Netzwerk)</translation>
    </message>
    <message>
        <source>List Models</source>
        <translation>Modelle abrufen</translation>
    </message>
    <message>
        <source>New Evaluation Run</source>
        <translation>Neuer Auswertungslauf</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n users)</source>
        <translation>
            <numerusform>%1 (%n Nutzer)</numerusform>
            <numerusform>%1 (%n Nutzer)</numerusform>
        </translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>No provider yet: add one in Edit › Providers</source>
        <translation>Noch kein Anbieter: fügen Sie einen unter Bearbeiten › Anbieter hinzu</translation>
    </message>
    <message>
        <source>Zero-shot (the training prompt to a base model)</source>
        <translation>Zero-Shot (der Trainings-Prompt an ein Basismodell)</translation>
    </message>
    <message>
        <source>Fine-tuned (the training prompt to a fine-tuned model)</source>
        <translation>Feinabgestimmt (der Trainings-Prompt an ein feinabgestimmtes Modell)</translation>
    </message>
    <message>
        <source>Few-shot (k examples of the train split)</source>
        <translation>Few-Shot (k Beispiele aus dem Trainingsanteil)</translation>
    </message>
    <message>
        <source>Candidates (rank a list of popular movies)</source>
        <translation>Kandidaten (eine Liste populärer Filme ordnen)</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Nummerierte Liste</translation>
    </message>
    <message>
        <source>JSON (schema)</source>
        <translation>JSON (Schema)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>the profile&apos;s</source>
        <translation>wie im Profil</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Gold set:</source>
        <translation>Goldstandard:</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Aufteilung:</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <source>Ask the provider which models it offers</source>
        <translation>Den Anbieter fragen, welche Modelle er anbietet</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Baseline:</source>
        <translation>Baseline:</translation>
    </message>
    <message>
        <source>Prompt and sampling</source>
        <translation>Prompt und Sampling</translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation>Strategie:</translation>
    </message>
    <message>
        <source>Few-shot examples:</source>
        <translation>Few-Shot-Beispiele:</translation>
    </message>
    <message>
        <source>Candidates:</source>
        <translation>Kandidaten:</translation>
    </message>
    <message>
        <source>Output format:</source>
        <translation>Ausgabeformat:</translation>
    </message>
    <message>
        <source>Movies asked for:</source>
        <translation>Angefragte Filme:</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <source>Max tokens:</source>
        <translation>Max. Tokens:</translation>
    </message>
    <message>
        <source>Concurrency:</source>
        <translation>Parallele Anfragen:</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <source>Start Run</source>
        <translation>Lauf starten</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>Name des Laufs:</translation>
    </message>
    <message>
        <source>Cannot build the prompts: %1</source>
        <translation>Die Prompts können nicht erstellt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n users, computed locally: no requests, no cost.</source>
        <translation>
            <numerusform>%n Nutzer, lokal berechnet: keine Anfragen, keine Kosten.</numerusform>
            <numerusform>%n Nutzer, lokal berechnet: keine Anfragen, keine Kosten.</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown price (no price for %1 in the price table)</source>
        <translation>Preis unbekannt (kein Preis für %1 in der Preistabelle)</translation>
    </message>
    <message numerus="yes">
        <source>%n users · %1 prompt tokens + at most %2 answer tokens · at most %3</source>
        <translation>
            <numerusform>%n Nutzer · %1 Prompt-Tokens + höchstens %2 Antwort-Tokens · höchstens %3</numerusform>
            <numerusform>%n Nutzer · %1 Prompt-Tokens + höchstens %2 Antwort-Tokens · höchstens %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Listing…</source>
        <translation>Wird abgerufen…</translation>
    </message>
    <message>
        <source>The models could not be listed: %1</source>
        <translation>Die Modelle konnten nicht abgerufen werden: %1</translation>
    </message>
    <message>
        <source>A short label for tables, chart legends and exports; leave it empty for the suggested one. Rename it later in the run list (F2).</source>
        <translation>Ein Kurzname für Tabellen, Diagrammlegenden und Exporte; leer lassen für den vorgeschlagenen. Später in der Laufliste umbenennen (F2).</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Kurzname:</translation>
    </message>
    <message>
        <source>cost: none (simulated)</source>
        <translation>Kosten: keine (simuliert)</translation>
    </message>
    <message numerus="yes">
        <source>%n users · %1 prompt tokens + at most %2 answer tokens · %3</source>
        <translation>
            <numerusform>%n Nutzer · %1 Prompt-Tokens + höchstens %2 Antwort-Tokens · %3</numerusform>
            <numerusform>%n Nutzer · %1 Prompt-Tokens + höchstens %2 Antwort-Tokens · %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cinetune::ui::PlaceholderPage</name>
    <message>
        <source>Not available yet</source>
        <translation>Noch nicht verfügbar</translation>
    </message>
    <message>
        <source>This step arrives in a later version of CineTune. The Dataset step is ready to use.</source>
        <translation>Dieser Schritt kommt in einer späteren Version von CineTune. Der Schritt „Datensatz“ ist bereits nutzbar.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::PlaygroundController</name>
    <message>
        <source>Open a dataset first: the movies come from its catalogue.</source>
        <translation>Öffnen Sie zuerst einen Datensatz: Die Filme stammen aus seinem Katalog.</translation>
    </message>
    <message>
        <source>“%1” is already in the profile.</source>
        <translation>„%1“ ist bereits im Profil.</translation>
    </message>
    <message numerus="yes">
        <source>The profile holds at most %n movies. Remove one first.</source>
        <translation>
            <numerusform>Das Profil fasst höchstens %n Film. Entfernen Sie zuerst einen.</numerusform>
            <numerusform>Das Profil fasst höchstens %n Filme. Entfernen Sie zuerst einen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a dataset first.</source>
        <translation>Öffnen Sie zuerst einen Datensatz.</translation>
    </message>
    <message>
        <source>There is no user %1 in this dataset. Check the id, or pick a random user.</source>
        <translation>In diesem Datensatz gibt es keinen Nutzer %1. Prüfen Sie die ID oder wählen Sie einen zufälligen Nutzer.</translation>
    </message>
    <message>
        <source>User %1 is not in this gold set. Pick a user listed in the file.</source>
        <translation>Nutzer %1 ist nicht in diesem Goldstandard. Wählen Sie einen Nutzer aus der Datei.</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>Add movies to the profile before saving it.</source>
        <translation>Fügen Sie dem Profil Filme hinzu, bevor Sie es speichern.</translation>
    </message>
    <message>
        <source>There is no saved profile named “%1”.</source>
        <translation>Es gibt kein gespeichertes Profil namens „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>%n movie(s) of this profile are not in the current dataset and were left out.</source>
        <translation>
            <numerusform>%n Film dieses Profils ist nicht im aktuellen Datensatz und wurde ausgelassen.</numerusform>
            <numerusform>%n Filme dieses Profils sind nicht im aktuellen Datensatz und wurden ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no gold sets in this session.</source>
        <translation>In dieser Sitzung gibt es keine Goldstandards.</translation>
    </message>
    <message>
        <source>This gold set is no longer in the project.</source>
        <translation>Dieser Goldstandard ist nicht mehr im Projekt.</translation>
    </message>
    <message>
        <source>Gold set “%1” was built from another dataset. Open that dataset on the Dataset step first.</source>
        <translation>Der Goldstandard „%1“ wurde aus einem anderen Datensatz erstellt. Öffnen Sie zuerst diesen Datensatz (Schritt Datensatz).</translation>
    </message>
    <message>
        <source>User %1 is not in the test split of gold set “%2”. Pick one of its test users.</source>
        <translation>Nutzer %1 ist nicht im Testteil des Goldstandards „%2“. Wählen Sie einen seiner Testnutzer.</translation>
    </message>
    <message>
        <source>Indexing movie titles</source>
        <translation>Filmtitel werden indiziert</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::PlaygroundPage</name>
    <message>
        <source>Add &amp;Column</source>
        <translation>&amp;Spalte hinzufügen</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>Ausprobieren</translation>
    </message>
    <message>
        <source>Pick movies and compare what up to three models recommend. Every change to the profile asks every column again. ✓ in the catalogue · ≈ close match · ✗ not in the catalogue · ↺ repeats a profile movie · ★ in the user&apos;s gold set · highlighted: recommended by several columns.</source>
        <translation>Wählen Sie Filme und vergleichen Sie, was bis zu drei Modelle empfehlen. Jede Änderung am Profil befragt alle Spalten neu. ✓ im Katalog · ≈ ähnlicher Titel · ✗ nicht im Katalog · ↺ wiederholt einen Profilfilm · ★ im Goldstandard des Nutzers · hervorgehoben: von mehreren Spalten empfohlen.</translation>
    </message>
    <message>
        <source>Compare up to %1 targets side by side</source>
        <translation>Bis zu %1 Ziele nebeneinander vergleichen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Ask every column again (Ctrl+Enter)</source>
        <translation>Alle Spalten erneut befragen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Providers…</source>
        <translation>An&amp;bieter…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Copy or export the comparison</source>
        <translation>Den Vergleich kopieren oder exportieren</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown</source>
        <translation>Als &amp;Markdown kopieren</translation>
    </message>
    <message>
        <source>Copy as &amp;CSV</source>
        <translation>Als &amp;CSV kopieren</translation>
    </message>
    <message>
        <source>&amp;Save as CSV, Markdown or PNG…</source>
        <translation>Als CSV, Markdown oder PNG &amp;speichern…</translation>
    </message>
    <message>
        <source>Could not write %1. Choose a folder you can write to.</source>
        <translation>%1 konnte nicht geschrieben werden. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Choose a file ending in .csv, .md or .png.</source>
        <translation>Wählen Sie eine Datei mit der Endung .csv, .md oder .png.</translation>
    </message>
    <message>
        <source>Comparison copied as Markdown.</source>
        <translation>Vergleich als Markdown kopiert.</translation>
    </message>
    <message>
        <source>Comparison copied as CSV.</source>
        <translation>Vergleich als CSV kopiert.</translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation>Vergleich exportieren</translation>
    </message>
    <message>
        <source>playground.md</source>
        <translation>ausprobieren.md</translation>
    </message>
    <message>
        <source>Markdown (*.md);;CSV (*.csv);;PNG image (*.png)</source>
        <translation>Markdown (*.md);;CSV (*.csv);;PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::PngOptionsDialog</name>
    <message>
        <source>Export PNG</source>
        <translation>PNG exportieren</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source> DPI</source>
        <translation> DPI</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Breite:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Höhe:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Auflösung:</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::ProfileEditor</name>
    <message>
        <source>Search the catalogue… (Ctrl+L)</source>
        <translation>Im Katalog suchen… (Strg+L)</translation>
    </message>
    <message>
        <source>Search movies to add to the profile</source>
        <translation>Filme suchen, die dem Profil hinzugefügt werden</translation>
    </message>
    <message>
        <source>Matching movies, most rated first</source>
        <translation>Passende Filme, die meistbewerteten zuerst</translation>
    </message>
    <message>
        <source>Profile movies, in order; drag or press Ctrl+Up and Ctrl+Down to reorder, Delete to remove</source>
        <translation>Profilfilme in Reihenfolge; zum Umordnen ziehen oder Strg+Auf und Strg+Ab drücken, Entf zum Entfernen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected movie from the profile</source>
        <translation>Den gewählten Film aus dem Profil entfernen</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Clear the profile</source>
        <translation>Das Profil leeren</translation>
    </message>
    <message>
        <source>Start from a user</source>
        <translation>Von einem Nutzer ausgehen</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>Nutzer-ID</translation>
    </message>
    <message>
        <source>Dataset user id</source>
        <translation>Nutzer-ID im Datensatz</translation>
    </message>
    <message>
        <source>Load &amp;User</source>
        <translation>&amp;Nutzer laden</translation>
    </message>
    <message>
        <source>The user&apos;s top-rated movies (most recent first among equal ratings)</source>
        <translation>Die am besten bewerteten Filme des Nutzers (bei gleicher Bewertung die neuesten zuerst)</translation>
    </message>
    <message>
        <source>R&amp;andom User</source>
        <translation>Zu&amp;fälliger Nutzer</translation>
    </message>
    <message>
        <source>From &amp;Gold Set…</source>
        <translation>Aus &amp;Goldstandard…</translation>
    </message>
    <message>
        <source>Load this user&apos;s profile from a gold set file (JSONL) and mark their gold movies with ★</source>
        <translation>Das Profil dieses Nutzers aus einer Goldstandard-Datei (JSONL) laden und seine Goldfilme mit ★ markieren</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Gespeicherte Profile</translation>
    </message>
    <message>
        <source>L&amp;oad</source>
        <translation>La&amp;den</translation>
    </message>
    <message>
        <source>Load the chosen saved profile</source>
        <translation>Das gewählte gespeicherte Profil laden</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Name to save the profile under</source>
        <translation>Name, unter dem das Profil gespeichert wird</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <source>Save the profile under this name</source>
        <translation>Das Profil unter diesem Namen speichern</translation>
    </message>
    <message>
        <source>Add &amp;movies:</source>
        <translation>&amp;Filme hinzufügen:</translation>
    </message>
    <message>
        <source>&amp;Profile (most important first):</source>
        <translation>P&amp;rofil (wichtigste zuerst):</translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n Bewertung</numerusform>
            <numerusform>%n Bewertungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 movies</source>
        <translation>%1 von %2 Filmen</translation>
    </message>
    <message>
        <source>Gold-set user %1 (★ marks their gold movies)</source>
        <translation>Nutzer %1 aus dem Goldstandard (★ markiert seine Goldfilme)</translation>
    </message>
    <message>
        <source>Profile of user %1</source>
        <translation>Profil von Nutzer %1</translation>
    </message>
    <message>
        <source>Open a dataset on the Dataset step (or the sample from the File menu) to search its movies.</source>
        <translation>Öffnen Sie im Schritt Datensatz einen Datensatz (oder das Beispiel aus dem Menü Datei), um seine Filme zu durchsuchen.</translation>
    </message>
    <message>
        <source>Type a user id of the dataset first.</source>
        <translation>Geben Sie zuerst eine Nutzer-ID des Datensatzes ein.</translation>
    </message>
    <message>
        <source>Type the user id first, then choose the gold set file.</source>
        <translation>Geben Sie zuerst die Nutzer-ID ein und wählen Sie dann die Goldstandard-Datei.</translation>
    </message>
    <message>
        <source>Choose a Gold Set</source>
        <translation>Goldstandard wählen</translation>
    </message>
    <message>
        <source>Gold sets (*.jsonl);;All files (*)</source>
        <translation>Goldstandards (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saved as “%1”.</source>
        <translation>Als „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>S&amp;how Test User</source>
        <translation>Testnutzer &amp;zeigen</translation>
    </message>
    <message>
        <source>Gold-set user (test split)</source>
        <translation>Goldstandard-Nutzer (Testteil)</translation>
    </message>
    <message>
        <source>Gold set of the project</source>
        <translation>Goldstandard des Projekts</translation>
    </message>
    <message>
        <source>The gold sets of the project (or of this unsaved session), from the Gold set step</source>
        <translation>Die Goldstandards des Projekts (oder dieser ungespeicherten Sitzung) aus dem Schritt Goldstandard</translation>
    </message>
    <message>
        <source>User of the gold set&apos;s test split</source>
        <translation>Nutzer aus dem Testteil des Goldstandards</translation>
    </message>
    <message>
        <source>Users the evaluation measures on: none of them was in the fine-tuning data</source>
        <translation>Nutzer, an denen die Auswertung misst: keiner von ihnen war in den Feinabstimmungsdaten</translation>
    </message>
    <message>
        <source>Load this user&apos;s profile and mark their gold movies with ★</source>
        <translation>Das Profil dieses Nutzers laden und seine Goldfilme mit ★ markieren</translation>
    </message>
    <message>
        <source>Gold s&amp;et:</source>
        <translation>Golds&amp;tandard:</translation>
    </message>
    <message>
        <source>%1 (%2 test users)</source>
        <translation>%1 (%2 Testnutzer)</translation>
    </message>
    <message>
        <source>%1 (built from another dataset)</source>
        <translation>%1 (aus einem anderen Datensatz erstellt)</translation>
    </message>
    <message>
        <source>No gold sets yet: build one on the Gold set step</source>
        <translation>Noch keiner: im Schritt Goldstandard erstellen</translation>
    </message>
    <message>
        <source>this set has no test users</source>
        <translation>dieser Goldstandard hat keine Testnutzer</translation>
    </message>
    <message>
        <source>There are no gold sets in the project yet: build one on the Gold set step.</source>
        <translation>Das Projekt hat noch keine Goldstandards: Erstellen Sie einen im Schritt Goldstandard.</translation>
    </message>
    <message>
        <source>Choose a user of the gold set&apos;s test split first.</source>
        <translation>Wählen Sie zuerst einen Nutzer aus dem Testteil des Goldstandards.</translation>
    </message>
    <message>
        <source>Profiles saved on this computer</source>
        <translation>Auf diesem Rechner gespeicherte Profile</translation>
    </message>
    <message>
        <source>Edited from gold-set user %1 (★ still marks their gold movies)</source>
        <translation>Bearbeitet aus Goldstandard-Nutzer %1 (★ markiert weiter seine Goldfilme)</translation>
    </message>
    <message>
        <source>Edited from the profile of user %1</source>
        <translation>Bearbeitet aus dem Profil von Nutzer %1</translation>
    </message>
    <message>
        <source>Movies were added, removed or reordered since user %1&apos;s profile was loaded; the columns answer this edited profile.</source>
        <translation>Seit dem Laden des Profils von Nutzer %1 wurden Filme hinzugefügt, entfernt oder umsortiert; die Spalten antworten auf dieses bearbeitete Profil.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::ProviderService</name>
    <message>
        <source>There is no provider profile named “%1”. Add it under Settings ▸ Providers.</source>
        <translation>Es gibt kein Anbieterprofil namens „%1“. Legen Sie es unter Einstellungen ▸ Anbieter an.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::ProvidersDialog</name>
    <message>
        <source>OS keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <source>Save Profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Paste the key to store it in the keychain</source>
        <translation>Schlüssel einfügen, um ihn im Schlüsselbund zu speichern</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>Basis-URL:</translation>
    </message>
    <message>
        <source>API key from:</source>
        <translation>API-Schlüssel aus:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>Variable:</source>
        <translation>Variable:</translation>
    </message>
    <message>
        <source>Fine-tuning model:</source>
        <translation>Modell für Feinabstimmung:</translation>
    </message>
    <message>
        <source>Chat model:</source>
        <translation>Chat-Modell:</translation>
    </message>
    <message>
        <source>Parallel requests:</source>
        <translation>Parallele Anfragen:</translation>
    </message>
    <message>
        <source>Requests per minute:</source>
        <translation>Anfragen pro Minute:</translation>
    </message>
    <message>
        <source>Tokens per minute:</source>
        <translation>Tokens pro Minute:</translation>
    </message>
    <message>
        <source>http://127.0.0.1:PORT/v1 (cinetune simulator)</source>
        <translation>http://127.0.0.1:PORT/v1 (cinetune simulator)</translation>
    </message>
    <message>
        <source>New provider</source>
        <translation>Neuer Anbieter</translation>
    </message>
    <message>
        <source>New provider %1</source>
        <translation>Neuer Anbieter %1</translation>
    </message>
    <message>
        <source>A profile named “%1” exists already. Choose another name.</source>
        <translation>Ein Profil namens „%1“ gibt es bereits. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Saved. Storing the key in the keychain…</source>
        <translation>Gespeichert. Der Schlüssel wird im Schlüsselbund abgelegt…</translation>
    </message>
    <message>
        <source>Saved. The key is in the keychain.</source>
        <translation>Gespeichert. Der Schlüssel liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <source>Saved, but the key could not be stored: %1 Until then the key is read from %2.</source>
        <translation>Gespeichert, aber der Schlüssel konnte nicht abgelegt werden: %1 Bis dahin wird der Schlüssel aus %2 gelesen.</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>„%1“ entfernt.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1…</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n model(s) available.</source>
        <translation>
            <numerusform>Verbunden: %n Modell verfügbar.</numerusform>
            <numerusform>Verbunden: %n Modelle verfügbar.</numerusform>
        </translation>
    </message>
    <message>
        <source>none: no key is sent</source>
        <translation>keine: es wird kein Schlüssel gesendet</translation>
    </message>
    <message>
        <source>Save the changes to the profile “%1”?</source>
        <translation>Die Änderungen am Profil „%1“ speichern?</translation>
    </message>
    <message>
        <source>The changes are lost unless you save them.</source>
        <translation>Die Änderungen gehen verloren, wenn Sie sie nicht speichern.</translation>
    </message>
    <message>
        <source>These settings are not saved yet: “Save Profile” keeps them.</source>
        <translation>Diese Einstellungen sind noch nicht gespeichert: „Profil speichern“ behält sie.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::RecommendationColumn</name>
    <message>
        <source>Answer as it streams in</source>
        <translation>Antwort, während sie eintrifft</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Details…</translation>
    </message>
    <message>
        <source>Add movies to the profile to see recommendations.</source>
        <translation>Fügen Sie dem Profil Filme hinzu, um Empfehlungen zu sehen.</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>Remove column %1</source>
        <translation>Spalte %1 entfernen</translation>
    </message>
    <message>
        <source>Details of column %1: prompt, raw answer, tokens and cost</source>
        <translation>Details zu Spalte %1: Prompt, Rohantwort, Tokens und Kosten</translation>
    </message>
    <message>
        <source>Recommendations of column %1</source>
        <translation>Empfehlungen von Spalte %1</translation>
    </message>
    <message>
        <source>State of column %1</source>
        <translation>Zustand von Spalte %1</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Denkt nach…</translation>
    </message>
    <message>
        <source>Preparing the baseline…</source>
        <translation>Baseline wird vorbereitet…</translation>
    </message>
    <message numerus="yes">
        <source>Receiving the answer… (%n characters)</source>
        <translation>
            <numerusform>Antwort trifft ein… (%n Zeichen)</numerusform>
            <numerusform>Antwort trifft ein… (%n Zeichen)</numerusform>
        </translation>
    </message>
    <message>
        <source>No target</source>
        <translation>Kein Ziel</translation>
    </message>
    <message>
        <source>Add a provider profile (Settings ▸ Providers; the offline simulator needs no key) and choose it as this column&apos;s target.</source>
        <translation>Legen Sie ein Anbieterprofil an (Einstellungen ▸ Anbieter; der Offline-Simulator braucht keinen Schlüssel) und wählen Sie es als Ziel dieser Spalte.</translation>
    </message>
    <message>
        <source>No target chosen.</source>
        <translation>Kein Ziel gewählt.</translation>
    </message>
    <message>
        <source>This column could not answer</source>
        <translation>Diese Spalte konnte nicht antworten</translation>
    </message>
    <message>
        <source>Failed after %1 s.</source>
        <translation>Nach %1 s fehlgeschlagen.</translation>
    </message>
    <message>
        <source>No titles found in the answer</source>
        <translation>Keine Titel in der Antwort gefunden</translation>
    </message>
    <message>
        <source>Open Details to read the whole answer.</source>
        <translation>Öffnen Sie die Details, um die ganze Antwort zu lesen.</translation>
    </message>
    <message numerus="yes">
        <source>%n title(s), %1 in the catalogue · %2 s</source>
        <translation>
            <numerusform>%n Titel, %1 im Katalog · %2 s</numerusform>
            <numerusform>%n Titel, %1 im Katalog · %2 s</numerusform>
        </translation>
    </message>
    <message>
        <source>close match: “%1” in the catalogue</source>
        <translation>ähnlicher Titel: „%1“ im Katalog</translation>
    </message>
    <message>
        <source>in the user&apos;s gold set</source>
        <translation>im Goldstandard des Nutzers</translation>
    </message>
    <message>
        <source>also recommended by another column</source>
        <translation>auch von einer anderen Spalte empfohlen</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Details — %1</source>
        <translation>Details — %1</translation>
    </message>
    <message>
        <source>Prompt sent</source>
        <translation>Gesendeter Prompt</translation>
    </message>
    <message>
        <source>Raw answer</source>
        <translation>Rohantwort</translation>
    </message>
    <message>
        <source>Prompt tokens:</source>
        <translation>Prompt-Tokens:</translation>
    </message>
    <message>
        <source>Completion tokens:</source>
        <translation>Antwort-Tokens:</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>Kosten:</translation>
    </message>
    <message>
        <source>unknown (no price for this model)</source>
        <translation>unbekannt (kein Preis für dieses Modell)</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Tokens and cost</source>
        <translation>Tokens und Kosten</translation>
    </message>
    <message>
        <source>Why column %1 shows fewer titles than asked for</source>
        <translation>Warum Spalte %1 weniger Titel zeigt als angefragt</translation>
    </message>
    <message>
        <source>Status: ✓ in the catalogue · ≈ close match · ✗ not in the catalogue · ↺ repeats a profile movie</source>
        <translation>Status: ✓ im Katalog · ≈ ähnlicher Titel · ✗ nicht im Katalog · ↺ wiederholt einen Profilfilm</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::ResultsChartView</name>
    <message>
        <source>Copy Image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Als PNG exportieren …</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>Als SVG exportieren …</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Als PDF exportieren …</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>PDF exportieren</translation>
    </message>
    <message>
        <source>Export SVG</source>
        <translation>SVG exportieren</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::ResultsController</name>
    <message>
        <source>The project could not be read</source>
        <translation>Das Projekt konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>CineTune results: %1</source>
        <translation>CineTune-Ergebnisse: %1</translation>
    </message>
    <message>
        <source>The project&apos;s runs could not be read</source>
        <translation>Die Läufe des Projekts konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Scoring the project&apos;s runs</source>
        <translation>Die Läufe des Projekts werden bewertet</translation>
    </message>
    <message>
        <source>The project&apos;s runs could not be scored</source>
        <translation>Die Läufe des Projekts konnten nicht bewertet werden</translation>
    </message>
    <message>
        <source>Exporting tables and charts</source>
        <translation>Tabellen und Diagramme werden exportiert</translation>
    </message>
    <message>
        <source>The export was canceled.</source>
        <translation>Der Export wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>Der Bericht wird geschrieben</translation>
    </message>
    <message>
        <source>The report was canceled.</source>
        <translation>Der Bericht wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::ResultsPage</name>
    <message>
        <source>Export All…</source>
        <translation>Alles exportieren …</translation>
    </message>
    <message>
        <source>Write Report…</source>
        <translation>Bericht schreiben …</translation>
    </message>
    <message>
        <source>No evaluation results yet. Runs made on the Evaluate step appear here; choose a gold set and the runs to compare.</source>
        <translation>Noch keine Auswertungsergebnisse. Läufe aus dem Schritt „Auswertung“ erscheinen hier; wählen Sie einen Goldstandard und die zu vergleichenden Läufe.</translation>
    </message>
    <message>
        <source>Write every table (CSV, Markdown, LaTeX, JSON) and chart (PNG, SVG, PDF) into a folder</source>
        <translation>Alle Tabellen (CSV, Markdown, LaTeX, JSON) und Diagramme (PNG, SVG, PDF) in einen Ordner schreiben</translation>
    </message>
    <message>
        <source>Write a self-contained HTML report and a PDF with every table and chart and the settings needed to reproduce them</source>
        <translation>Einen eigenständigen HTML-Bericht und ein PDF mit allen Tabellen und Diagrammen und den Einstellungen schreiben, die zum Reproduzieren nötig sind</translation>
    </message>
    <message>
        <source>The checked runs are the columns of the tables and the series of the charts</source>
        <translation>Die markierten Läufe sind die Spalten der Tabellen und die Reihen der Diagramme</translation>
    </message>
    <message>
        <source>Gold set</source>
        <translation>Goldstandard</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Paired comparison</source>
        <translation>Gepaarter Vergleich</translation>
    </message>
    <message>
        <source>Run A:</source>
        <translation>Lauf A:</translation>
    </message>
    <message>
        <source>Run B:</source>
        <translation>Lauf B:</translation>
    </message>
    <message>
        <source>Δ = A − B on the same users, with its 95 % CI, the p-value and the p-value adjusted with Holm–Bonferroni over all metrics compared (bold when the adjusted p &lt; 0.05).</source>
        <translation>Δ = A − B auf denselben Nutzern, mit 95-%-KI, dem p-Wert und dem nach Holm–Bonferroni über alle verglichenen Metriken korrigierten p-Wert (fett, wenn das korrigierte p &lt; 0,05).</translation>
    </message>
    <message>
        <source>Paper layout (Tables 2 and 3)</source>
        <translation>Layout des Artikels (Tabellen 2 und 3)</translation>
    </message>
    <message>
        <source>All metrics with 95 % confidence intervals</source>
        <translation>Alle Metriken mit 95-%-Konfidenzintervallen</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Export All Tables and Charts</source>
        <translation>Alle Tabellen und Diagramme exportieren</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written to %1.</source>
        <translation>
            <numerusform>%n Datei nach %1 geschrieben.</numerusform>
            <numerusform>%n Dateien nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Write Report</source>
        <translation>Bericht schreiben</translation>
    </message>
    <message>
        <source>Writing Report…</source>
        <translation>Bericht wird geschrieben …</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>Bericht geschrieben</translation>
    </message>
    <message>
        <source>The report was not written</source>
        <translation>Der Bericht wurde nicht geschrieben</translation>
    </message>
    <message>
        <source>Export Per-User Rows</source>
        <translation>Zeilen pro Nutzer exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Show the paper&apos;s published figures</source>
        <translation>Veröffentlichte Zahlen des Papers zeigen</translation>
    </message>
    <message>
        <source>For gold sets built with the paper&apos;s profileData50 or profileData60 rule: the figures of the paper&apos;s Tables 2 and 3 as extra columns, labelled “reported in the paper (not measured here)”</source>
        <translation>Für Goldstandards nach der Regel profileData50 oder profileData60 des Papers: die Zahlen seiner Tabellen 2 und 3 als zusätzliche Spalten, beschriftet mit „im Paper berichtet (hier nicht gemessen)“</translation>
    </message>
    <message>
        <source>Go to Dataset</source>
        <translation>Zum Datensatz</translation>
    </message>
    <message>
        <source>Open the Dataset step to load the project&apos;s dataset</source>
        <translation>Den Schritt „Datensatz“ öffnen, um den Datensatz des Projekts zu laden</translation>
    </message>
    <message>
        <source>Open the project&apos;s dataset to see its runs</source>
        <translation>Öffnen Sie den Datensatz des Projekts, um seine Läufe zu sehen</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) of this project can be scored once the dataset they were made on is open: the answers&apos; titles are matched to its movies.</source>
        <translation>
            <numerusform>%n Lauf dieses Projekts kann bewertet werden, sobald der Datensatz geöffnet ist, auf dem er entstand: Die Titel der Antworten werden seinen Filmen zugeordnet.</numerusform>
            <numerusform>%n Läufe dieses Projekts können bewertet werden, sobald der Datensatz geöffnet ist, auf dem sie entstanden: Die Titel der Antworten werden seinen Filmen zugeordnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
Run %2: %3</source>
        <translation>%1
Lauf %2: %3</translation>
    </message>
    <message>
        <source>%1
Run %2</source>
        <translation>%1
Lauf %2</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::ResultsTableModel</name>
    <message>
        <source>No value for this run</source>
        <translation>Kein Wert für diesen Lauf</translation>
    </message>
    <message>
        <source>%1 (95 % CI %2 to %3)</source>
        <translation>%1 (95-%-KI %2 bis %3)</translation>
    </message>
    <message>
        <source>No paired comparison for this metric</source>
        <translation>Kein gepaarter Vergleich für diese Metrik</translation>
    </message>
    <message>
        <source>Paired difference %1 (95 % CI %2 to %3)</source>
        <translation>Gepaarte Differenz %1 (95-%-KI %2 bis %3)</translation>
    </message>
    <message>
        <source>Holm-adjusted p = %1: significant at the 5 % level</source>
        <translation>Holm-korrigiertes p = %1: signifikant auf dem 5-%-Niveau</translation>
    </message>
    <message>
        <source>Holm-adjusted p = %1: not significant at the 5 % level</source>
        <translation>Holm-korrigiertes p = %1: nicht signifikant auf dem 5-%-Niveau</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Paired difference with its 95 % confidence interval</source>
        <translation>Gepaarte Differenz mit 95-%-Konfidenzintervall</translation>
    </message>
    <message>
        <source>Δ (%1 − %2)</source>
        <translation>Δ (%1 − %2)</translation>
    </message>
    <message>
        <source>p-value adjusted with Holm–Bonferroni over every metric compared; bold and * mark adjusted p &lt; 0.05</source>
        <translation>p-Wert, nach Holm–Bonferroni über alle verglichenen Metriken korrigiert; fett und * markieren korrigiertes p &lt; 0,05</translation>
    </message>
    <message>
        <source>p = %1 before the correction for testing many metrics at once</source>
        <translation>p = %1 vor der Korrektur für das gleichzeitige Testen vieler Metriken</translation>
    </message>
    <message>
        <source>p-value of the paired test, before any correction</source>
        <translation>p-Wert des gepaarten Tests, vor jeder Korrektur</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p (Holm)</translation>
    </message>
    <message>
        <source>Published in the paper; not measured by CineTune</source>
        <translation>Im Paper veröffentlicht; nicht von CineTune gemessen</translation>
    </message>
    <message>
        <source>%1
Run %2: %3</source>
        <translation>%1
Lauf %2: %3</translation>
    </message>
    <message>
        <source>%1
Run %2</source>
        <translation>%1
Lauf %2</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::ResultsTableView</name>
    <message>
        <source>Copy as Markdown</source>
        <translation>Als Markdown kopieren</translation>
    </message>
    <message>
        <source>Copy as LaTeX</source>
        <translation>Als LaTeX kopieren</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren …</translation>
    </message>
    <message>
        <source>Export Markdown…</source>
        <translation>Als Markdown exportieren …</translation>
    </message>
    <message>
        <source>Export LaTeX…</source>
        <translation>Als LaTeX exportieren …</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Als JSON exportieren …</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
    <message>
        <source>Export Per-User Rows (CSV)…</source>
        <translation>Zeilen pro Nutzer exportieren (CSV)…</translation>
    </message>
    <message>
        <source>One row per user and run: the metrics at each K and how the user&apos;s list was resolved</source>
        <translation>Eine Zeile je Nutzer und Lauf: die Metriken bei jedem K und wie die Liste des Nutzers aufgelöst wurde</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::RunListModel</name>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1 (baseline)</source>
        <translation>%1 (Baseline)</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>zero-shot</source>
        <translation>Zero-Shot</translation>
    </message>
    <message>
        <source>fine-tuned</source>
        <translation>feinabgestimmt</translation>
    </message>
    <message>
        <source>few-shot (k = %1)</source>
        <translation>Few-Shot (k = %1)</translation>
    </message>
    <message>
        <source>candidates (%1)</source>
        <translation>Kandidaten (%1)</translation>
    </message>
    <message>
        <source>Stopped — can resume</source>
        <translation>Unterbrochen – fortsetzbar</translation>
    </message>
    <message>
        <source>none (local)</source>
        <translation>keine (lokal)</translation>
    </message>
    <message>
        <source>unknown price</source>
        <translation>Preis unbekannt</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Gold set / split</source>
        <translation>Goldstandard / Aufteilung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>%1 (simulator — not an LLM)</source>
        <translation>%1 (Simulator — kein LLM)</translation>
    </message>
    <message>
        <source>none (simulated)</source>
        <translation>keine (simuliert)</translation>
    </message>
    <message>
        <source>%1
%2
Rename with F2 or the context menu.</source>
        <translation>%1
%2
Umbenennen mit F2 oder über das Kontextmenü.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::RunView</name>
    <message>
        <source>Cut-offs K of the metrics, separated by commas</source>
        <translation>Schnittpunkte K der Metriken, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Bootstrap resamples of the 95 % confidence intervals (0: none)</source>
        <translation>Bootstrap-Stichproben der 95-%-Konfidenzintervalle (0: keine)</translation>
    </message>
    <message>
        <source>K:</source>
        <translation>K:</translation>
    </message>
    <message>
        <source>Bootstrap resamples:</source>
        <translation>Bootstrap-Stichproben:</translation>
    </message>
    <message>
        <source>Select a user to see the raw response.</source>
        <translation>Wählen Sie einen Nutzer, um die Rohantwort zu sehen.</translation>
    </message>
    <message>
        <source>Raw response</source>
        <translation>Rohantwort</translation>
    </message>
    <message>
        <source>Could not score the run: %1</source>
        <translation>Der Lauf konnte nicht bewertet werden: %1</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>Kein Lauf ausgewählt</translation>
    </message>
    <message>
        <source>Start a run with New Run…, or select one in the list.</source>
        <translation>Starten Sie einen Lauf mit „Neuer Lauf…“ oder wählen Sie einen in der Liste.</translation>
    </message>
    <message>
        <source>K must be a comma-separated list of whole numbers from 1 to 1000, e.g. 1, 3, 5, 10.</source>
        <translation>K muss eine durch Kommas getrennte Liste ganzer Zahlen von 1 bis 1000 sein, z. B. 1, 3, 5, 10.</translation>
    </message>
    <message>
        <source>Load the project&apos;s dataset to score this run.</source>
        <translation>Laden Sie den Datensatz des Projekts, um diesen Lauf zu bewerten.</translation>
    </message>
    <message>
        <source>Scoring…</source>
        <translation>Wird bewertet…</translation>
    </message>
    <message>
        <source>%1 · %2 of %3 users answered, %4 failed · scored over %5 users (bootstrap %6 resamples, seed %7)</source>
        <translation>%1 · %2 von %3 Nutzern beantwortet, %4 fehlgeschlagen · bewertet über %5 Nutzer (Bootstrap %6 Stichproben, Startwert %7)</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Titles:&lt;/b&gt; %1 in the answers</source>
        <translation>&lt;b&gt;Titel:&lt;/b&gt; %1 in den Antworten</translation>
    </message>
    <message>
        <source>Exact: %1 · title only: %2 · fuzzy: %3</source>
        <translation>Exakt: %1 · nur Titel: %2 · unscharf: %3</translation>
    </message>
    <message>
        <source>Hallucinated (not in the catalogue): %1</source>
        <translation>Halluziniert (nicht im Katalog): %1</translation>
    </message>
    <message>
        <source>Duplicates: %1 · profile repeats: %2</source>
        <translation>Duplikate: %1 · Wiederholungen aus dem Profil: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Movie ids&lt;/b&gt; (a local baseline: no titles to resolve)</source>
        <translation>&lt;b&gt;Film-IDs&lt;/b&gt; (eine lokale Baseline: keine Titel aufzulösen)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Users:&lt;/b&gt; %1 · parse failures: %2 · failed requests: %3 · no answer yet: %4</source>
        <translation>&lt;b&gt;Nutzer:&lt;/b&gt; %1 · nicht lesbar: %2 · fehlgeschlagene Anfragen: %3 · noch ohne Antwort: %4</translation>
    </message>
    <message>
        <source>Failed, unparsable and unanswered users score 0 and stay in every mean.</source>
        <translation>Fehlgeschlagene, nicht lesbare und unbeantwortete Nutzer zählen 0 und bleiben in jedem Mittelwert.</translation>
    </message>
    <message>
        <source>Users with an empty gold set (left out): %1</source>
        <translation>Nutzer mit leerem Goldstandard (ausgelassen): %1</translation>
    </message>
    <message>
        <source>(no response stored for user %1)</source>
        <translation>(keine Antwort für Nutzer %1 gespeichert)</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::SettingsDialog</name>
    <message>
        <source>Clear Dataset Cache</source>
        <translation>Datensatz-Cache leeren</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>System (%1)</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <source>How many threads parse a dataset; more is faster on large files.</source>
        <translation>Wie viele Threads einen Datensatz einlesen; mehr ist bei großen Dateien schneller.</translation>
    </message>
    <message>
        <source>Delete the binary copies of datasets. The next load of each dataset parses its files again.</source>
        <translation>Löscht die binären Kopien der Datensätze. Beim nächsten Laden wird jeder Datensatz wieder aus seinen Dateien eingelesen.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Loader threads:</source>
        <translation>Threads zum Laden:</translation>
    </message>
    <message>
        <source>Cache folder:</source>
        <translation>Cache-Ordner:</translation>
    </message>
    <message>
        <source>Clearing…</source>
        <translation>Wird geleert…</translation>
    </message>
    <message>
        <source>The cache is empty.</source>
        <translation>Der Cache ist leer.</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>Belegt: %1</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Accounts for fine-tuning and evaluation (OpenAI, Azure OpenAI, Together AI, local servers, the offline simulator).</source>
        <translation>Konten für Feinabstimmung und Auswertung (OpenAI, Azure OpenAI, Together AI, lokale Server, der Offline-Simulator).</translation>
    </message>
    <message>
        <source>Providers…</source>
        <translation>Anbieter…</translation>
    </message>
    <message>
        <source>The window switches to the new language when you press OK.</source>
        <translation>Das Fenster wechselt zur neuen Sprache, sobald Sie auf OK klicken.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::StepNavigator</name>
    <message>
        <source>Workflow steps</source>
        <translation>Arbeitsschritte</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 — not available yet</source>
        <translation>%1 — noch nicht verfügbar</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Arbeitsablauf</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::Steps</name>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Gold set</source>
        <translation>Goldstandard</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>Feinabstimmung</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>Ausprobieren</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Open a ratings dataset (MovieLens or Netflix Prize) and inspect it.</source>
        <translation>Einen Bewertungsdatensatz (MovieLens oder Netflix Prize) öffnen und untersuchen.</translation>
    </message>
    <message>
        <source>Build gold sets: for each user, the movies their most similar users watched and liked, held out from the user&apos;s own history, with reproducible training, validation and test splits.</source>
        <translation>Goldstandards bilden: für jeden Nutzer die Filme, die seine ähnlichsten Nutzer gesehen und gemocht haben, zurückgehalten aus seiner eigenen Historie, mit reproduzierbarer Aufteilung in Training, Validierung und Test.</translation>
    </message>
    <message>
        <source>Turn a gold set into chat fine-tuning data (JSONL), check it with the tokenizer and a cost estimate, and fine-tune a model through a provider&apos;s API while following the job.</source>
        <translation>Einen Goldstandard in Chat-Trainingsdaten (JSONL) umwandeln, sie mit dem Tokenizer und einer Kostenschätzung prüfen und ein Modell über die API eines Anbieters feinabstimmen, während Sie den Auftrag verfolgen.</translation>
    </message>
    <message>
        <source>Ask base and fine-tuned models, and classic baselines, for recommendations for the test users and measure them with ranking metrics such as precision, recall and NDCG, with confidence intervals.</source>
        <translation>Basis- und feinabgestimmte Modelle sowie klassische Vergleichsverfahren nach Empfehlungen für die Testnutzer fragen und diese mit Ranking-Metriken wie Precision, Recall und NDCG samt Konfidenzintervallen messen.</translation>
    </message>
    <message>
        <source>Try models interactively: pick a user or write a viewing history and compare the recommendations of several models side by side.</source>
        <translation>Modelle interaktiv ausprobieren: einen Nutzer wählen oder eine Sehhistorie schreiben und die Empfehlungen mehrerer Modelle nebeneinander vergleichen.</translation>
    </message>
    <message>
        <source>Compare runs in tables and charts and export them as images, CSV, Markdown, LaTeX or JSON, or as a report.</source>
        <translation>Läufe in Tabellen und Diagrammen vergleichen und als Bilder, CSV, Markdown, LaTeX oder JSON oder als Bericht exportieren.</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::TaskStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this task; what was loaded before stays open</source>
        <translation>Diese Aufgabe beenden; was vorher geladen war, bleibt geöffnet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: canceling…</source>
        <translation>%1: wird abgebrochen…</translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation>(+%1 weitere)</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::UserRatingsModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::UserScoreModel</name>
    <message>
        <source>scored</source>
        <translation>bewertet</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>noch keine Antwort</translation>
    </message>
    <message>
        <source>no list in the answer</source>
        <translation>keine Liste in der Antwort</translation>
    </message>
    <message>
        <source>request failed</source>
        <translation>Anfrage fehlgeschlagen</translation>
    </message>
    <message>
        <source>empty gold set</source>
        <translation>leerer Goldstandard</translation>
    </message>
    <message>
        <source>no such movie</source>
        <translation>kein solcher Film</translation>
    </message>
    <message>
        <source>%1 (edit distance %2)</source>
        <translation>%1 (Editierdistanz %2)</translation>
    </message>
    <message>
        <source>, duplicate</source>
        <translation>, Duplikat</translation>
    </message>
    <message>
        <source>, in the profile</source>
        <translation>, im Profil</translation>
    </message>
    <message>
        <source>, hit</source>
        <translation>, Treffer</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>✓ exact, ≈ fuzzy, ✗ not in catalogue, ↺ repeat</source>
        <translation>✓ exakt, ≈ ähnlich, ✗ nicht im Katalog, ↺ Wiederholung</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Empfehlungen</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::Workspace</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>The dataset&apos;s files have changed since this project last used them; the figures shown are those of the current files.</source>
        <translation>Die Dateien des Datensatzes haben sich geändert, seit dieses Projekt sie zuletzt verwendet hat; die angezeigten Zahlen gelten für die aktuellen Dateien.</translation>
    </message>
    <message>
        <source>Could not create a temporary folder in %1 for the untitled project: %2</source>
        <translation>In %1 konnte kein temporärer Ordner für das unbenannte Projekt angelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::chartexport</name>
    <message>
        <source>The chart could not be written to %1: %2. Choose another folder or file name.</source>
        <translation>Das Diagramm konnte nicht nach %1 geschrieben werden: %2. Wählen Sie einen anderen Ordner oder Dateinamen.</translation>
    </message>
    <message>
        <source>Choose an image size between 16 and 20,000 pixels.</source>
        <translation>Wählen Sie eine Bildgröße zwischen 16 und 20.000 Pixeln.</translation>
    </message>
    <message>
        <source>the PDF could not be started</source>
        <translation>das PDF konnte nicht begonnen werden</translation>
    </message>
</context>
<context>
    <name>cinetune::ui::resultcharts</name>
    <message>
        <source>Hallucinated</source>
        <translation>Halluziniert</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>Profile movies</source>
        <translation>Profilfilme</translation>
    </message>
    <message>
        <source>Parse failures</source>
        <translation>Nicht lesbar</translation>
    </message>
    <message>
        <source>95 % CI: [%1, %2]</source>
        <translation>95-%-KI: [%1, %2]</translation>
    </message>
    <message>
        <source>%1 — %2: no value</source>
        <translation>%1 — %2: kein Wert</translation>
    </message>
    <message>
        <source>Precision, recall and F1 at K – %1</source>
        <translation>Precision, Recall und F1 bei K – %1</translation>
    </message>
    <message>
        <source>Score (mean over users)</source>
        <translation>Wert (Mittel über die Nutzer)</translation>
    </message>
    <message>
        <source>%1@K – %2</source>
        <translation>%1@K – %2</translation>
    </message>
    <message>
        <source>Hallucination, duplicate and parse-failure rates – %1</source>
        <translation>Halluzinations-, Duplikat- und Lesefehlerraten – %1</translation>
    </message>
    <message>
        <source>Share of recommendations</source>
        <translation>Anteil der Empfehlungen</translation>
    </message>
    <message>
        <source>Popularity of recommended and gold movies – %1</source>
        <translation>Popularität empfohlener und Goldstandard-Filme – %1</translation>
    </message>
    <message>
        <source>Ratings of the movie in the dataset</source>
        <translation>Bewertungen des Films im Datensatz</translation>
    </message>
    <message>
        <source>Share of movies (%)</source>
        <translation>Anteil der Filme (%)</translation>
    </message>
    <message>
        <source>Training and validation loss</source>
        <translation>Trainings- und Validierungsverlust</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>%1 validation</source>
        <translation>%1 Validierung</translation>
    </message>
    <message>
        <source>%1 training</source>
        <translation>%1 Training</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
</context>
</TS>
