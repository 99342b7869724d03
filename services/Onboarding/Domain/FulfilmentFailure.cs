using Opco.Contracts.Identity;

namespace Opco.Onboarding.Domain;

/// <summary>Why identity could not carry out a ✓, as the decider reads it (codes from identity's answer).</summary>
public static class FulfilmentFailure
{
    public static string Message(string? reason) => reason switch
    {
        FulfilmentFailureReasons.EmailTaken => "Un compte existe déjà avec cette adresse email : le demandeur peut demander son rattachement.",
        FulfilmentFailureReasons.AccountNotFound => "Le compte du demandeur n'existe plus : refusez la demande, il pourra en déposer une nouvelle.",
        FulfilmentFailureReasons.EstablishmentClosed => "L'établissement a été fermé entre-temps : aucun accès ne peut y être donné.",
        _ => "Le compte n'a pas pu être créé.",
    };
}
