"""Short forms and regional given names that the first-name table (US, Austrian, Swiss and
British registers) lacks: how German-speaking customers name each other ("der Korbi", "unsere
Vroni", "Gruß, Sepp") and a few English and Irish nicknames.

Hand-written from general knowledge of German, Austrian, Bavarian, Swiss, Rhenish and North
German (Frisian) naming and of English nicknames; not taken from any evaluation set. The
gazetteer counts them as local first names, but only those rare as words (wordfreq zipf
below `MAX_ZIPF` in German and English): not "Pit", "Harm", "Dec", "Rob".
"""

from __future__ import annotations

from drafter.privacy.spans import words

MAX_ZIPF = 3.8

SHORT_NAMES = words(
    """
    Sepp Seppl Sepperl Resi Resl Vroni Vreni Matze Bine Korbi Schorsch Schorschi Basti Bastl
    Wastl Hias Hiasl Jupp Uschi Gitti Moni Conny Conni Steffi Andi Flo Flori Tobi Chrissi
    Hansi Hansl Franzl Heinzi Klausi Manni Babsi Sabse Fiete Piet Ossi Sigi Wolfi Bertl Gerdi
    Maxl Michl Poldi Wiggerl Zenzi Kathi Lisi Liesl Gretl Annerl Hanne Ulli Uli Jule Benni
    Didi Dani Susi Kati Nicki Olli Rudi Willi Kalle Kalli Karli Charly Gustl Gusti Ede Edi
    Eddi Niki Tomek Domi Fabi Isi Luki Maxi Nici Tine Tini Bea Joschi Jockel Kuni Bene Beni
    Berni Tonerl Ferdl Ferdi Pauli Vinz Zenz Quirin Bartl Girgl Schani Pepi Pepperl Fredl
    Friedl Gerti Luggi Kiki Gabi Gaby Manu Mimi Lilo Lulu Yvi Vivi Bubi Jojo Kuno Lotti Kaddi
    Mecki Utz Emmi Fritzi Gunni Heini Hennes Jensi Kläre Mucki Resa Sanne Traudel Traudl Trudi
    Tünn Tünnes Veri Zilli Rosi Rosl Irmi Gundi Gundel Wally
    Hauke Bärbel Wiebke Frauke Imke Meike Insa Gesa Tjark Hark Jörn Knut Sönke Tade Tamme
    Okko Eike Enno Hinnerk Jelle Ocke Ove Swantje Telse Wiete Göntje Broder Momme Tjade Frerk
    Keno Fokko Harro Thies Dörte Marei Wulf Levke Wilm Rieke Smilla Klaas Lüder Mattes Torge
    Taalke
    Gaz Gazza Baz Shaz Tez Kez Jonno Robbo Macca Tommo Davy Paddy Gerry Mick Liz Bernie
    """
)

# given names that are also everyday German word forms ("malte" = painted, "lasse" = let):
# first names, but counted only next to another name or after a cue (gazetteer.AMBIGUOUS_NAMES)
WORD_FORM_NAMES = words("Malte Lasse")
