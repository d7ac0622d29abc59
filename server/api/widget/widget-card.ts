import { object } from '../schema/field.js';
import * as schema from '../schema/objects.js';

/** The card the widget's card fields post (pay, add a card to a wallet): `card` with `type` optional, inferred from the number. */
export const widgetCard = object({ ...schema.card, fields: schema.card.fields.map((f) => (f.name === 'type' ? { ...f, required: false } : f)) });

/** The card's CVV and expiry formats, for the endpoints that take one alone. */
export const cvxSpec = schema.card.fields.find((f) => f.name === 'cvx')!.spec;
export const expirationDateSpec = schema.card.fields.find((f) => f.name === 'expirationDate')!.spec;
