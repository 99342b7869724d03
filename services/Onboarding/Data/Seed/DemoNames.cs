namespace Opco.Onboarding.Data.Seed;

/// <summary>Words for fictional company names and addresses: any resemblance to a real company is accidental.</summary>
public static class DemoNames
{
    public static readonly string[] Activities =
    [
        "BOULANGERIE", "MENUISERIE", "TRANSPORTS", "GARAGE", "IMPRIMERIE", "ÉLECTRICITÉ GÉNÉRALE", "PLOMBERIE", "CABINET",
        "LABORATOIRE", "HÔTEL", "RESTAURANT", "AMBULANCES", "BOUCHERIE", "PHARMACIE", "SERRURERIE", "CHAUDRONNERIE",
        "MÉCANIQUE DE PRÉCISION", "BÂTIMENT", "NETTOYAGE INDUSTRIEL", "PÂTISSERIE", "FROMAGERIE", "PAYSAGES", "ÉBÉNISTERIE",
        "CHARPENTE", "COUVERTURE", "MAÇONNERIE", "INFORMATIQUE", "CONSEIL", "LOGISTIQUE", "MAROQUINERIE", "CRÉATIONS",
        "TEXTILES", "PLASTURGIE", "DÉCOLLETAGE", "FONDERIE", "VERRERIE", "AGENCE IMMOBILIÈRE", "CLINIQUE VÉTÉRINAIRE",
    ];

    public static readonly string[] Surnames =
    [
        "MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU", "SIMON", "LAURENT",
        "LEFÈVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER", "MOREL", "GIRARD", "ANDRÉ",
        "MERCIER", "DUPONT", "LAMBERT", "BONNET", "FRANÇOIS", "MARTINEZ", "GAUTHIER", "CHEVALIER", "BOYER", "GÉRARD", "NOËL",
        "LEMAÎTRE", "BRUNET", "FAURE", "ROUSSEAU", "BLANC", "GUÉRIN", "MULLER", "HENRY", "ROUSSEL", "NICOLAS", "PERRIN",
    ];

    public static readonly string[] Suffixes = ["", "", "", " ET FILS", " & ASSOCIÉS", " FRÈRES", " ET CIE"];

    public static readonly string[] LegalForms = ["SARL", "SAS", "SA", "EURL", "SASU"];

    public static readonly (string City, string PostalCode)[] Cities =
    [
        ("PARIS", "75011"), ("LYON", "69003"), ("MARSEILLE", "13008"), ("TOULOUSE", "31000"), ("NANTES", "44000"),
        ("BORDEAUX", "33000"), ("LILLE", "59000"), ("RENNES", "35000"), ("STRASBOURG", "67000"), ("GRENOBLE", "38000"),
        ("DIJON", "21000"), ("ANGERS", "49000"), ("NÎMES", "30000"), ("SAINT-ÉTIENNE", "42000"), ("LE MANS", "72000"),
        ("AIX-EN-PROVENCE", "13100"), ("BREST", "29200"), ("TOURS", "37000"), ("AMIENS", "80000"), ("LIMOGES", "87000"),
        ("ANNECY", "74000"), ("PERPIGNAN", "66000"), ("METZ", "57000"), ("BESANÇON", "25000"), ("ORLÉANS", "45000"),
        ("ROUEN", "76000"), ("MULHOUSE", "68100"), ("CAEN", "14000"), ("NANCY", "54000"), ("VALENCE", "26000"),
    ];

    public static readonly string[] Streets =
    [
        "rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "boulevard Gambetta", "rue des Lilas", "impasse des Artisans",
        "rue de l'Industrie", "avenue de la Gare", "chemin des Vignes", "rue du Commerce", "zone d'activités des Près", "rue Pasteur",
        "quai des Chartrons", "place du Marché", "rue des Écoles", "allée des Tilleuls",
    ];
}
