import type { Language } from '../../../core/language.js';

/**
 * The simulated bank's words on its challenge pages, per language. French and English are
 * complete; the other widget languages fall back to English.
 */
export interface AcsTexts {
  lang: 'fr' | 'en';
  title: string;
  heading: string;
  /** "{merchant} asks for {amount} with the card {card}." */
  request: (merchant: string, amount: string, card: string) => string;
  simulated: string;
  authenticate: string;
  cancel: string;
  done: string;
  continue: string;
  unknown: string;
}

const en: AcsTexts = {
  lang: 'en',
  title: 'Simulated bank: 3-D Secure',
  heading: 'Confirm your payment',
  request: (merchant, amount, card) => `${merchant} asks for ${amount} with the card ${card}.`,
  simulated: 'This is Guichet’s simulated bank: there is no code to enter. The test card decides whether the authentication passes.',
  authenticate: 'Authenticate',
  cancel: 'Cancel',
  done: 'Authentication complete. Returning to the shop…',
  continue: 'Continue',
  unknown: 'This authentication is unknown or has expired.',
};

const fr: AcsTexts = {
  lang: 'fr',
  title: 'Banque simulée : 3-D Secure',
  heading: 'Confirmez votre paiement',
  request: (merchant, amount, card) => `${merchant} demande ${amount} avec la carte ${card}.`,
  simulated: 'Ceci est la banque simulée de Guichet : aucun code à saisir. La carte de test décide si l’authentification réussit.',
  authenticate: 'Valider',
  cancel: 'Annuler',
  done: 'Authentification terminée. Retour à la boutique…',
  continue: 'Continuer',
  unknown: 'Cette authentification est inconnue ou a expiré.',
};

/** The texts for a language (English when it has none of its own). */
export function acsTexts(language: Language | undefined): AcsTexts {
  return language === 'fr' ? fr : en;
}
