"""The text of HOW-TO-RESTORE.txt: restoring by hand, without this program.

It is a document for whoever stands in front of the drive after a disaster
(maybe a new IT partner), so it is written in both languages at once and
does not depend on the program's translator.
"""

from __future__ import annotations

HOW_TO_RESTORE_NAME = "HOW-TO-RESTORE.txt"

HOW_TO_RESTORE = """\
HOW TO RESTORE timeSensor LEGAL FROM THIS DRIVE
================================================

This folder holds backups of the timeSensor LEGAL data folder
("timeSensor DataFiles"), made by the backup assistant tsbackup.
You do not need that program to restore.

1. Open the folder named after the computer (for example "SERVER01").
2. Each folder inside it named like 2026-11-27_183000 is one complete
   backup (a "generation"). The name is the date and time it was made;
   the newest backup has the latest name. Ignore folders whose name
   begins with ".partial-": they are unfinished and not backups.
3. Close timeSensor LEGAL on every computer (on a server: stop
   timeSensor Server). Restore only while it is closed.
4. Rename the current "timeSensor DataFiles" folder (for example to
   "timeSensor DataFiles OLD") instead of deleting it.
5. Copy the folder "timeSensor DataFiles" from the chosen backup to where
   the old one was (macOS single user: /Users/Shared; macOS server: next
   to timeSensor Server in /Applications/timeSensor Server; Windows: the
   Documents folder or the drive root where it was before).
6. The files in a backup are read-only on purpose, so that opening a
   backup cannot change it. After copying, allow writing on the restored
   copy: macOS: select the folder, File > Get Info, Sharing & Permissions,
   "Read & Write", "Apply to enclosed items". Windows: Properties of the
   folder, untick "Read-only", "Apply to all subfolders and files".
7. A server backup may also hold a folder "4D Backup" with 4D's own
   backup archives (*.4BK, *.4BL); these are restored with 4D Server's
   "Restore" function when the live files are not usable.
8. To check a copy: the file tsbackup-manifest.json in each backup lists
   every file with its size and SHA-256 checksum; compare them with a
   checksum tool (macOS: shasum -a 256 FILE; Windows:
   certutil -hashfile FILE SHA256).
9. Start timeSensor LEGAL and check the latest entries.

Safe names: a few file names cannot be stored on every drive as they are
(a name with : ? * " < > | \\ in it, a name ending in a dot or a space,
device names such as CON or NUL, two names that differ only in upper and
lower case or in how their accents are encoded). Such a file is stored
under a safe name that looks almost the same:
  : ? * " < > | \\  become  ： ？ ＊ ＂ ＜ ＞ ｜ ＼  (wide look-alikes),
  a dot or a space at the end becomes ． or ␠,
  CON.txt becomes CON_.txt, and a second akte.txt next to Akte.txt
  becomes akte~2.txt.
tsbackup's restore gives every file its original name back. When you copy
by hand, look the original name up in tsbackup-manifest.json: the line
with "stored": "...the safe name..." holds the original name in "path".
Rename the copied file to that name if your computer can hold it.

If unsure, ask your IT partner or timeSensor support before overwriting
anything: a backup that is only copied can always be copied again.


WIEDERHERSTELLEN VON timeSensor LEGAL VON DIESEM LAUFWERK
========================================================

Dieser Ordner enthält Sicherungen des Datenordners von timeSensor LEGAL
("timeSensor DataFiles"), erstellt vom Sicherungsassistenten tsbackup.
Zum Wiederherstellen brauchen Sie dieses Programm nicht.

1. Öffnen Sie den Ordner mit dem Namen des Computers (zum Beispiel
   "SERVER01").
2. Jeder Ordner darin mit einem Namen wie 2026-11-27_183000 ist eine
   vollständige Sicherung (eine "Generation"). Der Name ist Datum und
   Uhrzeit der Sicherung; die neueste Sicherung hat den spätesten Namen.
   Ordner, deren Name mit ".partial-" beginnt, sind unfertig und keine
   Sicherungen.
3. Schliessen Sie timeSensor LEGAL auf allen Computern (auf einem Server:
   timeSensor Server beenden). Stellen Sie nur wieder her, solange es
   geschlossen ist.
4. Benennen Sie den bisherigen Ordner "timeSensor DataFiles" um (zum
   Beispiel in "timeSensor DataFiles ALT"), statt ihn zu löschen.
5. Kopieren Sie den Ordner "timeSensor DataFiles" aus der gewählten
   Sicherung an die Stelle des alten (macOS Einzelplatz: /Users/Shared;
   macOS Server: neben timeSensor Server in /Applications/timeSensor
   Server; Windows: der Ordner Dokumente oder das Laufwerk, wo er vorher
   lag).
6. Die Dateien einer Sicherung sind absichtlich schreibgeschützt, damit
   das Öffnen einer Sicherung sie nicht verändern kann. Erlauben Sie nach
   dem Kopieren das Schreiben auf der wiederhergestellten Kopie: macOS:
   Ordner auswählen, Ablage > Informationen, Teilen & Zugriffsrechte,
   "Lesen & Schreiben", "Auf alle enthaltenen Objekte anwenden". Windows:
   Eigenschaften des Ordners, "Schreibgeschützt" abwählen, "Auf alle
   Unterordner und Dateien anwenden".
7. Eine Server-Sicherung kann zusätzlich den Ordner "4D Backup" mit den
   eigenen Sicherungsarchiven von 4D (*.4BK, *.4BL) enthalten; diese
   werden mit der Funktion "Wiederherstellen" von 4D Server eingespielt,
   wenn die Live-Dateien nicht brauchbar sind.
8. Zum Prüfen einer Kopie: Die Datei tsbackup-manifest.json in jeder
   Sicherung listet jede Datei mit Grösse und SHA-256-Prüfsumme auf;
   vergleichen Sie diese mit einem Prüfsummenwerkzeug (macOS:
   shasum -a 256 DATEI; Windows: certutil -hashfile DATEI SHA256).
9. Starten Sie timeSensor LEGAL und prüfen Sie die letzten Einträge.

Sichere Namen: Einige Dateinamen lassen sich nicht auf jedem Laufwerk so
speichern, wie sie sind (ein Name mit : ? * " < > | \\, ein Name, der auf
einen Punkt oder ein Leerzeichen endet, Gerätenamen wie CON oder NUL,
zwei Namen, die sich nur in Gross- und Kleinschreibung oder in der
Kodierung ihrer Umlaute unterscheiden). Eine solche Datei wird unter
einem sicheren Namen gespeichert, der fast gleich aussieht:
  : ? * " < > | \\  werden zu  ： ？ ＊ ＂ ＜ ＞ ｜ ＼  (breite Doppelgänger),
  ein Punkt oder Leerzeichen am Ende wird zu ． oder ␠,
  CON.txt wird zu CON_.txt, und ein zweites akte.txt neben Akte.txt
  wird zu akte~2.txt.
Die Wiederherstellung von tsbackup gibt jeder Datei ihren ursprünglichen
Namen zurück. Wenn Sie von Hand kopieren, finden Sie den ursprünglichen
Namen in tsbackup-manifest.json: Die Zeile mit "stored": "...der sichere
Name..." enthält den ursprünglichen Namen bei "path". Benennen Sie die
kopierte Datei so um, wenn Ihr Computer diesen Namen speichern kann.

Im Zweifel fragen Sie Ihren IT-Partner oder den timeSensor-Support, bevor
Sie etwas überschreiben: Eine Sicherung, die nur kopiert wird, lässt sich
jederzeit wieder kopieren.
"""
