import type { EnrolmentAnswer } from '../../../core/smartbill.js';
import type { EnrolmentRequest, SmartBillNetwork } from '../../smartbill-network.js';
import { ACCEPTED_CODE, enrolmentCode, REFUSAL_DESCRIPTIONS } from './smartbill-test-cards.js';

/**
 * The simulated American Express SmartBill: the enrolment answer is a pure function of the card
 * number (smartbill-test-cards.ts).
 */
export class SimulatorSmartBill implements SmartBillNetwork {
  readonly name = 'simulator';

  async enrol(request: EnrolmentRequest): Promise<EnrolmentAnswer> {
    const code = enrolmentCode(request.pan);
    if (code === ACCEPTED_CODE) return { accepted: true, code };
    return { accepted: false, code, description: REFUSAL_DESCRIPTIONS[code] ?? 'Refused' };
  }
}
