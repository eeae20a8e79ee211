import {
  type ComponentType,
  cloneElement,
  type LazyExoticComponent,
  lazy,
  type ReactElement,
  Suspense,
  useState,
} from 'react';

type TriggerProps = {
  onClick?: () => void;
  onPointerEnter?: () => void;
  onFocus?: () => void;
};

export type MenuProps = { trigger: ReactElement; defaultOpen?: boolean };

export interface LazyMenu<P> {
  Menu: LazyExoticComponent<ComponentType<P & MenuProps>>;
  preload: () => Promise<unknown>;
}

/** A menu component in its own chunk, fetched once, on intent. */
export function lazyMenu<P extends object>(load: () => Promise<ComponentType<P & MenuProps>>): LazyMenu<P> {
  let pending: Promise<ComponentType<P & MenuProps>> | undefined;
  const preload = () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
  return { Menu: lazy(() => preload().then((component) => ({ default: component }))), preload };
}

/**
 * A menu whose code (Radix's menu, popper and focus handling) loads on intent, not with the page:
 * until then the trigger is a plain button that looks the same. Hover or focus starts the download;
 * the first click shows the menu already open, and from then on Radix owns the trigger.
 */
export function DeferredMenu<P extends object>({
  menu,
  trigger,
  props,
}: {
  menu: LazyMenu<P>;
  trigger: ReactElement<TriggerProps>;
  props: P;
}) {
  const [wanted, setWanted] = useState(false);
  const plain = cloneElement(trigger, {
    onClick: () => setWanted(true),
    onPointerEnter: () => void menu.preload(),
    onFocus: () => void menu.preload(),
  });
  if (!wanted) return plain;
  return (
    <Suspense fallback={plain}>
      <menu.Menu {...props} trigger={trigger} defaultOpen />
    </Suspense>
  );
}
