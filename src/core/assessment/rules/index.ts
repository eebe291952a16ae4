/** Every rule of DOMAIN.md section 4, in report order. Adding a rule = one new file + one line here. */
import type { Rule } from '../rule.js';
import { aud1Rule } from './aud-1.rule.js';
import { cov1Rule } from './cov-1.rule.js';
import { dpia1Rule } from './dpia-1.rule.js';
import { dpia2Rule } from './dpia-2.rule.js';
import { emp1Rule } from './emp-1.rule.js';
import { emp2Rule } from './emp-2.rule.js';
import { lb1Rule } from './lb-1.rule.js';
import { lb2Rule } from './lb-2.rule.js';
import { lb3Rule } from './lb-3.rule.js';
import { nec1Rule } from './nec-1.rule.js';
import { nec2Rule } from './nec-2.rule.js';
import { nec3Rule } from './nec-3.rule.js';
import { nec4Rule } from './nec-4.rule.js';
import { prop1Rule } from './prop-1.rule.js';
import { prop2Rule } from './prop-2.rule.js';
import { prop3Rule } from './prop-3.rule.js';
import { pur1Rule } from './pur-1.rule.js';
import { ret1Rule } from './ret-1.rule.js';
import { rgt1Rule } from './rgt-1.rule.js';
import { rgt2Rule } from './rgt-2.rule.js';
import { ropa1Rule } from './ropa-1.rule.js';
import { sc1Rule } from './sc-1.rule.js';
import { sec1Rule } from './sec-1.rule.js';
import { trn1Rule } from './trn-1.rule.js';

export const RULES: readonly Rule[] = [
  lb1Rule,
  lb2Rule,
  lb3Rule,
  pur1Rule,
  nec1Rule,
  nec2Rule,
  nec3Rule,
  nec4Rule,
  prop1Rule,
  prop2Rule,
  prop3Rule,
  sc1Rule,
  aud1Rule,
  ret1Rule,
  trn1Rule,
  rgt1Rule,
  rgt2Rule,
  dpia1Rule,
  dpia2Rule,
  emp1Rule,
  emp2Rule,
  cov1Rule,
  sec1Rule,
  ropa1Rule,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
