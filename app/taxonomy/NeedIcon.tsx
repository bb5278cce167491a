import {
  Accessibility,
  Apple,
  Baby,
  Blocks,
  Brain,
  Briefcase,
  Bus,
  HandHeart,
  House,
  Puzzle,
  Scale,
  ShieldAlert,
  Stethoscope,
  UserRound,
  Users,
  Wallet,
  type LucideIcon,
} from "lucide-react";
import type { NeedCode } from "./needs";

/** The icon of each need: decoration beside its name, hidden from screen readers. */
export const NEED_ICONS: Record<NeedCode, LucideIcon> = {
  pregnancy: Baby,
  "child-health": Stethoscope,
  development: Puzzle,
  parenting: Users,
  fathers: UserRound,
  childcare: Blocks,
  food: Apple,
  housing: House,
  income: Wallet,
  "jobs-education": Briefcase,
  "mental-health": Brain,
  "family-safety": ShieldAlert,
  "child-protection": HandHeart,
  "legal-immigration": Scale,
  disability: Accessibility,
  transportation: Bus,
};

export function NeedIcon({ need, size = 24 }: { need: NeedCode; size?: number }) {
  const Icon = NEED_ICONS[need];
  return <Icon aria-hidden="true" focusable="false" size={size} strokeWidth={1.75} className="need-icon" />;
}
