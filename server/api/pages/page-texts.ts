import type { Language } from '../../core/language.js';

/**
 * The words of the gateway's own pages around the widget (hosted payment page, end of a
 * 3-D Secure challenge). French and English; the other widget languages fall back to English.
 */
export interface PageTexts {
  lang: 'fr' | 'en';
  title: string;
  returnToShop: string;
  unknownPayment: string;
  authenticationDone: string;
  continue: string;
}

const en: PageTexts = {
  lang: 'en',
  title: 'Secure payment',
  returnToShop: 'Return to the shop',
  unknownPayment: 'This payment link is unknown or has expired.',
  authenticationDone: 'Authentication complete.',
  continue: 'Continue',
};

const fr: PageTexts = {
  lang: 'fr',
  title: 'Paiement sécurisé',
  returnToShop: 'Retour à la boutique',
  unknownPayment: 'Ce lien de paiement est inconnu ou a expiré.',
  authenticationDone: 'Authentification terminée.',
  continue: 'Continuer',
};

export function pageTexts(language: Language | undefined): PageTexts {
  return language === 'fr' ? fr : en;
}
