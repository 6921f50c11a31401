extension ProcessFigures {
    /// The key figures as rows of label, all paths, main path — for the terminal and the web page alike.
    public var displayRows: [[String]] {
        let a = allPaths, m = mainPath
        func minutes(_ value: Double) -> String { GermanFormat.decimal(value, digits: 1) + " min" }
        return [
            [
                "Schrittausführungen je Fall", GermanFormat.decimal(a.stepExecutions),
                GermanFormat.decimal(m.stepExecutions),
            ],
            ["Stationen (Stellen/Rollen)", "\(a.desks)", "\(m.desks)"],
            ["Organisationseinheiten", "\(a.units)", "\(m.units)"],
            ["Übergaben", GermanFormat.decimal(a.handoffs), GermanFormat.decimal(m.handoffs)],
            [
                "Wechsel der Organisationseinheit", GermanFormat.decimal(a.unitCrossings),
                GermanFormat.decimal(m.unitCrossings),
            ],
            ["Rücksprünge", GermanFormat.decimal(a.loopBacks), GermanFormat.decimal(m.loopBacks)],
            ["Medienbrüche", GermanFormat.decimal(a.mediaBreaks), GermanFormat.decimal(m.mediaBreaks)],
            [
                "  davon Papier → digital", GermanFormat.decimal(a.paperToDigital),
                GermanFormat.decimal(m.paperToDigital),
            ],
            [
                "  davon digital → Papier", GermanFormat.decimal(a.digitalToPaper),
                GermanFormat.decimal(m.digitalToPaper),
            ],
            [
                "Anteil im Fachverfahren", GermanFormat.percent(a.specialistSoftwareShare),
                GermanFormat.percent(m.specialistSoftwareShare),
            ],
            ["Bearbeitungszeit", minutes(a.handlingMinutes), minutes(m.handlingMinutes)],
            ["Liegezeit", minutes(a.waitingMinutes), minutes(m.waitingMinutes)],
            ["Durchlaufzeit", minutes(a.leadTimeMinutes), minutes(m.leadTimeMinutes)],
            ["Anteil Liegezeit", GermanFormat.percent(a.waitingShare), GermanFormat.percent(m.waitingShare)],
            [
                "Personalkosten je Fall", GermanFormat.decimal(a.staffCostPerCase) + " €",
                GermanFormat.decimal(m.staffCostPerCase) + " €",
            ],
        ]
    }
}
